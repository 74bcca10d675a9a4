import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findAdminClinics } from "../../admin/find-admin-clinics";
import type { User } from "../../generated/central/client";
import { adminQuery } from "../../testing/databases";
import { createTestPlatform, type TestPlatform } from "../../testing/platform";
import { addCoAdminAction } from "./add-co-admin";
import { createPlatformUser, sessionOf, TEST_CLIENT, waitForClinicStatus } from "./admin-test-support";
import { checkSubdomainAction } from "./check-subdomain";
import { createClinicAction } from "./create-clinic";
import { deleteClinicAction } from "./delete-clinic";
import { getClinicProgressAction } from "./get-clinic-progress";
import { openClinicAction } from "./open-clinic";
import { removeCoAdminAction } from "./remove-co-admin";
import { resumeClinicAction } from "./resume-clinic";
import { suspendClinicAction } from "./suspend-clinic";

let platform: TestPlatform;
let owner: User;
let stranger: User;
let helper: User;
let clinicId: string;

beforeEach(async () => {
  platform = await createTestPlatform();
  vi.stubEnv("TENANT_NAME_PREFIX", platform.prefix);
  vi.stubEnv("ROOT_DOMAIN", "localhost:4321");
  vi.stubEnv("AUTH_SECRET", "test-only-auth-secret-0123456789abcdef");
  owner = platform.owner;
  stranger = await createPlatformUser(platform.central, { email: "stranger@clinics.test" });
  helper = await createPlatformUser(platform.central, { email: "helper@clinics.test" });
  const created = await createClinicAction(
    { name: "Acme Family Clinic", subdomain: "acme", locationName: "Main clinic", timezone: "UTC" },
    as(owner),
  );
  if (!created.ok) throw new Error(created.error.message);
  clinicId = created.data.id;
  await waitForClinicStatus(platform.central, clinicId);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await platform.cleanup();
});

const as = (user: User) => ({ session: sessionOf(user), db: platform.central, client: TEST_CLIENT });
const acme = () => platform.central.clinic.findUniqueOrThrow({ where: { id: clinicId } });
const auditOf = (user: User) =>
  platform.central.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { at: "asc" } });
const notFound = { ok: false, error: { code: "NOT_FOUND", message: "None of your clinics has this id." } };

describe("a clinic admin who neither owns nor co-admins the clinic", () => {
  it("can neither see, open, suspend, resume nor delete it, and nothing changes", async () => {
    expect(await openClinicAction({ clinicId }, as(stranger))).toEqual(notFound);
    expect(await suspendClinicAction({ clinicId }, as(stranger))).toEqual(notFound);
    expect(await deleteClinicAction({ clinicId, confirmation: "acme" }, as(stranger))).toEqual(notFound);
    expect(await getClinicProgressAction({ clinicId }, as(stranger))).toEqual(notFound);
    expect(await addCoAdminAction({ clinicId, email: stranger.email }, as(stranger))).toEqual(notFound);
    await platform.central.clinic.update({ where: { id: clinicId }, data: { status: "SUSPENDED" } });
    expect(await resumeClinicAction({ clinicId }, as(stranger))).toEqual(notFound);

    expect(await acme()).toMatchObject({ status: "SUSPENDED", deletedAt: null });
    expect(await findAdminClinics({ central: platform.central, userId: stranger.id })).toEqual([]);
    expect(await platform.central.clinicTicket.count()).toBe(0);
    expect(await auditOf(stranger)).toEqual([]);
  });
});

describe("the owner", () => {
  it("suspends and resumes the clinic, each step in the audit trail with who and from where", async () => {
    expect(await suspendClinicAction({ clinicId }, as(owner))).toEqual({
      ok: true,
      data: { id: clinicId, status: "SUSPENDED" },
    });
    expect(await acme()).toMatchObject({
      status: "SUSPENDED",
      statusReason: "Suspended by its clinic admin.",
    });
    expect(await suspendClinicAction({ clinicId }, as(owner))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await resumeClinicAction({ clinicId }, as(owner))).toEqual({
      ok: true,
      data: { id: clinicId, status: "ACTIVE" },
    });

    expect(
      (await auditOf(owner)).map(({ action, targetId, ip, userAgent }) => ({
        action,
        targetId,
        ip,
        userAgent,
      })),
    ).toEqual(
      ["clinic.create", "clinic.suspend", "clinic.resume"].map((action) => ({
        action,
        targetId: clinicId,
        ...TEST_CLIENT,
      })),
    );
  });

  it("opens the clinic through a one-time address on its own host, and the ticket is never logged", async () => {
    const result = await openClinicAction({ clinicId }, as(owner));

    expect(result).toEqual({
      ok: true,
      data: { url: expect.stringMatching(/^http:\/\/acme\.localhost:4321\/open\?ticket=[\w.%-]{20,}$/) },
    });
    const tickets = await platform.central.clinicTicket.findMany();
    expect(tickets).toEqual([expect.objectContaining({ clinicId, userId: owner.id, usedAt: null })]);
    const ticket = decodeURIComponent(result.ok ? (result.data.url.split("ticket=")[1] ?? "") : "");
    const events = await auditOf(owner);
    expect(events.at(-1)).toMatchObject({ action: "clinic.open", targetId: clinicId });
    expect(JSON.stringify(events)).not.toContain(ticket);
  });

  it("cannot open a suspended clinic until it is resumed", async () => {
    await suspendClinicAction({ clinicId }, as(owner));

    expect(await openClinicAction({ clinicId }, as(owner))).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "This clinic is suspended: resume it before opening it." },
    });
    expect(await platform.central.clinicTicket.count()).toBe(0);
  });

  it("deletes the clinic only with its subdomain typed: the database is dropped, the subdomain stays held", async () => {
    expect(await deleteClinicAction({ clinicId, confirmation: "acm" }, as(owner))).toEqual({
      ok: false,
      error: {
        code: "INVALID",
        message: "Type “acme” to confirm.",
        fields: { confirmation: "Type “acme” exactly." },
      },
    });
    expect(await acme()).toMatchObject({ status: "ACTIVE" });

    expect(await deleteClinicAction({ clinicId, confirmation: "acme" }, as(owner))).toEqual({
      ok: true,
      data: { id: clinicId, status: "DELETED" },
    });
    const databases = await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [
      `${platform.prefix}clinic_acme_db`,
    ]);
    expect(databases.rowCount).toBe(0);
    expect(await findAdminClinics({ central: platform.central, userId: owner.id })).toEqual([]);
    expect(await getClinicProgressAction({ clinicId }, as(owner))).toEqual(notFound);
    expect(await checkSubdomainAction({ subdomain: "acme" }, as(owner))).toMatchObject({
      ok: true,
      data: { available: false, reason: "held" },
    });
    expect((await auditOf(owner)).at(-1)).toMatchObject({ action: "clinic.delete", targetId: clinicId });
  });
});

describe("co-admins", () => {
  it("can open, suspend and resume the clinic, but not delete it or manage co-admins", async () => {
    expect(await addCoAdminAction({ clinicId, email: " Helper@Clinics.test " }, as(owner))).toEqual({
      ok: true,
      data: { userId: helper.id, email: helper.email },
    });
    expect(await findAdminClinics({ central: platform.central, userId: helper.id })).toEqual([
      expect.objectContaining({ id: clinicId, role: "co-admin" }),
    ]);

    expect(await openClinicAction({ clinicId }, as(helper))).toMatchObject({ ok: true });
    expect(await suspendClinicAction({ clinicId }, as(helper))).toMatchObject({ ok: true });
    expect(await resumeClinicAction({ clinicId }, as(helper))).toMatchObject({ ok: true });
    expect(await deleteClinicAction({ clinicId, confirmation: "acme" }, as(helper))).toEqual({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "Only the clinic's owner can delete the clinic; you are a co-admin.",
      },
    });
    expect(await addCoAdminAction({ clinicId, email: stranger.email }, as(helper))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await removeCoAdminAction({ clinicId, userId: helper.id }, as(helper))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    expect(await acme()).toMatchObject({ status: "ACTIVE", deletedAt: null });
    expect(await platform.central.clinicCoAdmin.count()).toBe(1);
    expect((await auditOf(helper)).map((event) => event.action)).toEqual([
      "clinic.open",
      "clinic.suspend",
      "clinic.resume",
    ]);
  });

  it("lose access once the owner removes them", async () => {
    await addCoAdminAction({ clinicId, email: helper.email }, as(owner));

    expect(await removeCoAdminAction({ clinicId, userId: helper.id }, as(owner))).toEqual({
      ok: true,
      data: { userId: helper.id },
    });
    expect(await suspendClinicAction({ clinicId }, as(helper))).toEqual(notFound);
    expect((await auditOf(owner)).at(-1)).toMatchObject({
      action: "clinic.coAdmin.remove",
      details: { subdomain: "acme", coAdminEmail: helper.email },
    });
  });

  it("must be existing, active clinic admins, added once", async () => {
    await createPlatformUser(platform.central, { email: "root@clinics.test", role: "SUPER_ADMIN" });
    await createPlatformUser(platform.central, { email: "gone@clinics.test", status: "DISABLED" });
    const refused = {
      ok: false,
      error: {
        code: "INVALID",
        message: "No active clinic admin signs in with this email.",
        fields: { email: "No active clinic admin signs in with this email." },
      },
    };

    for (const email of ["nobody@clinics.test", "root@clinics.test", "gone@clinics.test"])
      expect(await addCoAdminAction({ clinicId, email }, as(owner)), email).toEqual(refused);
    expect(await addCoAdminAction({ clinicId, email: owner.email }, as(owner))).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { email: "This is you, the owner." } },
    });
    expect(await addCoAdminAction({ clinicId, email: "not an email" }, as(owner))).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { email: "Enter the email address the clinic admin signs in with." },
      },
    });
    await addCoAdminAction({ clinicId, email: helper.email }, as(owner));
    expect(await addCoAdminAction({ clinicId, email: helper.email }, as(owner))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await platform.central.clinicCoAdmin.count()).toBe(1);
  });
});
