import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerClinicRow } from "@/lib/testing/clinic-rows";
import type { ServerAction } from "../../action-pipeline/result";
import { findAdminClinics } from "../../admin/find-admin-clinics";
import { settleBackgroundWork } from "../../background-work";
import type { User } from "../../generated/central/client";
import { waitForClinicStatus } from "../../testing/clinic-status";
import { adminQuery } from "../../testing/databases";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { TEST_CLIENT } from "../../testing/requests";
import { addCoAdminAction } from "./add-co-admin";
import { checkSubdomainAction } from "./check-subdomain";
import { createClinicAction } from "./create-clinic";
import { deleteClinicAction } from "./delete-clinic";
import { getClinicProgressAction } from "./get-clinic-progress";
import { openClinicAction } from "./open-clinic";
import { removeCoAdminAction } from "./remove-co-admin";
import { resumeClinicAction } from "./resume-clinic";
import { suspendClinicAction } from "./suspend-clinic";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;

beforeAll(async () => {
  // Before any request is made: requests carry the root domain in their Host header.
  vi.stubEnv("ROOT_DOMAIN", "localhost:4321");
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
});

afterEach(async () => {
  await settleBackgroundWork();
});

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
  vi.unstubAllEnvs();
});

const newAdmin = (options: { email?: string; status?: "ACTIVE" | "DISABLED" } = {}) =>
  createPlatformUser(platform.central, { role: "CLINIC_ADMIN", ...options });

/** A clinic its owner created through the console and that finished provisioning. */
async function createActiveClinic(subdomain: string) {
  const owner = await newAdmin();
  const created = await caller.callAs(owner, createClinicAction, {
    name: "Acme Family Clinic",
    subdomain,
    locationName: "Main clinic",
    timezone: "UTC",
  });
  if (!created.ok) throw new Error(created.error.message);
  await waitForClinicStatus(platform.central, created.data.id, ["ACTIVE"]);
  return { owner, clinicId: created.data.id };
}

/** Only the clinic's central row: enough where every action must stop before reaching its database. */
async function registerClinic(subdomain: string) {
  const owner = await newAdmin();
  const clinic = await registerClinicRow(platform, { subdomain, ownerId: owner.id });
  return { owner, clinicId: clinic.id };
}

const clinicRow = (clinicId: string) =>
  platform.central.clinic.findUniqueOrThrow({ where: { id: clinicId } });
const auditOf = (user: User) =>
  platform.central.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { at: "asc" } });
const notFound = { ok: false, error: { code: "NOT_FOUND", message: "None of your clinics has this id." } };

describe("a clinic admin who neither owns nor co-admins the clinic", () => {
  it("can neither see, open, suspend, resume nor delete it, and nothing changes", async () => {
    const { clinicId } = await registerClinic("walled");
    const stranger = await newAdmin();
    const as = <R>(action: ServerAction<R>, input: unknown) => caller.callAs(stranger, action, input);

    expect(await as(openClinicAction, { clinicId })).toEqual(notFound);
    expect(await as(suspendClinicAction, { clinicId })).toEqual(notFound);
    expect(await as(deleteClinicAction, { clinicId, confirmation: "walled" })).toEqual(notFound);
    expect(await as(getClinicProgressAction, { clinicId })).toEqual(notFound);
    expect(await as(addCoAdminAction, { clinicId, email: stranger.email })).toEqual(notFound);
    await platform.central.clinic.update({ where: { id: clinicId }, data: { status: "SUSPENDED" } });
    expect(await as(resumeClinicAction, { clinicId })).toEqual(notFound);

    expect(await clinicRow(clinicId)).toMatchObject({ status: "SUSPENDED", deletedAt: null });
    expect(await findAdminClinics({ central: platform.central, userId: stranger.id })).toEqual([]);
    expect(await platform.central.clinicTicket.count({ where: { clinicId } })).toBe(0);
    expect(await platform.central.clinicCoAdmin.count({ where: { clinicId } })).toBe(0);
    expect(await auditOf(stranger)).toEqual([]);
  });
});

describe("the owner", () => {
  it("suspends and resumes the clinic, each step in the audit trail with who and from where", async () => {
    const { owner, clinicId } = await createActiveClinic("acme");

    expect(await caller.callAs(owner, suspendClinicAction, { clinicId })).toEqual({
      ok: true,
      data: { id: clinicId, status: "SUSPENDED" },
    });
    expect(await clinicRow(clinicId)).toMatchObject({
      status: "SUSPENDED",
      statusReason: "Suspended by its clinic admin.",
    });
    expect(await caller.callAs(owner, suspendClinicAction, { clinicId })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await caller.callAs(owner, resumeClinicAction, { clinicId })).toEqual({
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

  it("opens the clinic with a one-time ticket to post to its own host, never in a URL, never logged", async () => {
    const { owner, clinicId } = await createActiveClinic("beacon");

    const result = await caller.callAs(owner, openClinicAction, { clinicId });

    expect(result).toEqual({
      ok: true,
      data: {
        action: "http://beacon.localhost:4321/open",
        ticket: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    const tickets = await platform.central.clinicTicket.findMany({ where: { clinicId } });
    expect(tickets).toEqual([expect.objectContaining({ clinicId, userId: owner.id, usedAt: null })]);
    const { ticket } = result.data;
    expect(ticket.length).toBeGreaterThanOrEqual(20);
    const events = await auditOf(owner);
    expect(events.at(-1)).toMatchObject({ action: "clinic.open", targetId: clinicId });
    expect(JSON.stringify(events)).not.toContain(ticket);
  });

  it("cannot open a suspended clinic until it is resumed", async () => {
    const { owner, clinicId } = await createActiveClinic("cove");
    expect(await caller.callAs(owner, suspendClinicAction, { clinicId })).toMatchObject({ ok: true });

    expect(await caller.callAs(owner, openClinicAction, { clinicId })).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "This clinic is suspended: resume it before opening it." },
    });
    expect(await platform.central.clinicTicket.count({ where: { clinicId } })).toBe(0);

    expect(await caller.callAs(owner, resumeClinicAction, { clinicId })).toMatchObject({ ok: true });
    expect(await caller.callAs(owner, openClinicAction, { clinicId })).toMatchObject({ ok: true });
    expect(await platform.central.clinicTicket.count({ where: { clinicId } })).toBe(1);
  });

  it("deletes the clinic only with its subdomain typed: the database is dropped, the subdomain stays held", async () => {
    const { owner, clinicId } = await createActiveClinic("dune");

    expect(await caller.callAs(owner, deleteClinicAction, { clinicId, confirmation: "dun" })).toEqual({
      ok: false,
      error: {
        code: "INVALID",
        message: "Type “dune” to confirm.",
        fields: { confirmation: "Type “dune” exactly." },
      },
    });
    expect(await clinicRow(clinicId)).toMatchObject({ status: "ACTIVE" });

    expect(await caller.callAs(owner, deleteClinicAction, { clinicId, confirmation: "dune" })).toEqual({
      ok: true,
      data: { id: clinicId, status: "DELETED" },
    });
    const databases = await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [
      `${platform.prefix}clinic_dune_db`,
    ]);
    expect(databases.rowCount).toBe(0);
    expect(await findAdminClinics({ central: platform.central, userId: owner.id })).toEqual([]);
    expect(await caller.callAs(owner, getClinicProgressAction, { clinicId })).toEqual(notFound);
    expect(await caller.callAs(owner, checkSubdomainAction, { subdomain: "dune" })).toMatchObject({
      ok: true,
      data: { available: false, reason: "held" },
    });
    expect((await auditOf(owner)).at(-1)).toMatchObject({ action: "clinic.delete", targetId: clinicId });
  });
});

describe("co-admins", () => {
  it("can open, suspend and resume the clinic, but not delete it or manage co-admins", async () => {
    const { owner, clinicId } = await createActiveClinic("ember");
    const helper = await newAdmin();
    const stranger = await newAdmin();

    expect(
      await caller.callAs(owner, addCoAdminAction, { clinicId, email: ` ${helper.email.toUpperCase()} ` }),
    ).toEqual({ ok: true, data: { userId: helper.id, email: helper.email } });
    expect(await findAdminClinics({ central: platform.central, userId: helper.id })).toEqual([
      expect.objectContaining({ id: clinicId, role: "co-admin" }),
    ]);

    expect(await caller.callAs(helper, openClinicAction, { clinicId })).toMatchObject({ ok: true });
    expect(await caller.callAs(helper, suspendClinicAction, { clinicId })).toMatchObject({ ok: true });
    expect(await caller.callAs(helper, resumeClinicAction, { clinicId })).toMatchObject({ ok: true });
    expect(await caller.callAs(helper, deleteClinicAction, { clinicId, confirmation: "ember" })).toEqual({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "Only the clinic's owner can delete the clinic; you are a co-admin.",
      },
    });
    expect(await caller.callAs(helper, addCoAdminAction, { clinicId, email: stranger.email })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await caller.callAs(helper, removeCoAdminAction, { clinicId, userId: helper.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    expect(await clinicRow(clinicId)).toMatchObject({ status: "ACTIVE", deletedAt: null });
    expect(await platform.central.clinicCoAdmin.findMany({ where: { clinicId } })).toEqual([
      expect.objectContaining({ userId: helper.id }),
    ]);
    expect((await auditOf(helper)).map((event) => event.action)).toEqual([
      "clinic.open",
      "clinic.suspend",
      "clinic.resume",
    ]);
  });

  it("lose access once the owner removes them", async () => {
    const { owner, clinicId } = await registerClinic("fjord");
    const helper = await newAdmin();
    expect(await caller.callAs(owner, addCoAdminAction, { clinicId, email: helper.email })).toMatchObject({
      ok: true,
    });

    expect(await caller.callAs(owner, removeCoAdminAction, { clinicId, userId: helper.id })).toEqual({
      ok: true,
      data: { userId: helper.id },
    });
    expect(await caller.callAs(helper, suspendClinicAction, { clinicId })).toEqual(notFound);
    expect(await clinicRow(clinicId)).toMatchObject({ status: "ACTIVE" });
    expect((await auditOf(owner)).at(-1)).toMatchObject({
      action: "clinic.coAdmin.remove",
      details: { subdomain: "fjord", coAdminEmail: helper.email },
    });
  });

  it("must be existing, active clinic admins, added once", async () => {
    const { owner, clinicId } = await registerClinic("grove");
    const helper = await newAdmin();
    await createPlatformUser(platform.central, { email: "root@clinics.test", role: "SUPER_ADMIN" });
    await newAdmin({ email: "gone@clinics.test", status: "DISABLED" });
    const refused = {
      ok: false,
      error: {
        code: "INVALID",
        message: "No active clinic admin signs in with this email.",
        fields: { email: "No active clinic admin signs in with this email." },
      },
    };
    const add = (email: string) => caller.callAs(owner, addCoAdminAction, { clinicId, email });

    for (const email of ["nobody@clinics.test", "root@clinics.test", "gone@clinics.test"])
      expect(await add(email), email).toEqual(refused);
    expect(await add(owner.email)).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { email: "This is you, the owner." } },
    });
    expect(await add("not an email")).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { email: "Enter the email address the clinic admin signs in with." },
      },
    });
    expect(await add(helper.email)).toMatchObject({ ok: true });
    expect(await add(helper.email)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await platform.central.clinicCoAdmin.count({ where: { clinicId } })).toBe(1);
  });
});
