import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServerAction } from "../../action-pipeline/result";
import { settleBackgroundWork } from "../../background-work";
import { ClinicDatabaseService, PROVISIONING_STEPS } from "../../tenancy/clinic-database-service";
import { withTenantDb } from "../../tenancy/tenant-db";
import { waitForClinicStatus } from "../../testing/clinic-status";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { TEST_CLIENT } from "../../testing/requests";
import { ROLE_REFUSED } from "../../testing/roles";
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
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
});

// Provisioning goes on after an action answers: no test leaves its clinic half made for the next.
afterEach(async () => {
  await settleBackgroundWork();
});

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

const newAdmin = () => createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });

/** The create form's values for a clinic at `subdomain`. */
const clinicAt = (subdomain: string) => ({
  name: "Sunrise Clinic",
  subdomain,
  locationName: "Sunrise Main Street",
  timezone: "Europe/Berlin",
  currency: "EUR",
});

const clinicsAt = (...subdomains: string[]) =>
  platform.central.clinic.findMany({
    where: { subdomain: { in: subdomains } },
    select: { subdomain: true, status: true, ownerId: true },
    orderBy: { subdomain: "asc" },
  });

describe("creating a clinic", () => {
  it("claims the subdomain for the admin at once, then provisions the database until the clinic is ACTIVE", async () => {
    const admin = await newAdmin();
    const result = await caller.callAs(admin, createClinicAction, clinicAt("sunrise"));

    expect(result).toMatchObject({ ok: true, data: { name: "Sunrise Clinic", subdomain: "sunrise" } });
    if (!result.ok) throw new Error(result.error.message);
    const claimed = await platform.central.clinic.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(claimed).toMatchObject({ subdomain: "sunrise", ownerId: admin.id });

    const active = await waitForClinicStatus(platform.central, result.data.id);
    expect(active).toMatchObject({ status: "ACTIVE", provisioningStep: "active", statusReason: null });
    expect(await caller.callAs(admin, getClinicProgressAction, { clinicId: active.id })).toEqual({
      ok: true,
      data: { status: "ACTIVE", step: "active", steps: PROVISIONING_STEPS, reason: null, retrying: null },
    });
    const audit = await platform.central.auditEvent.findMany({
      where: { OR: [{ targetId: active.id }, { actorId: admin.id }] },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "clinic.create",
        actorId: admin.id,
        actorEmail: admin.email,
        targetType: "clinic",
        targetId: active.id,
        ip: TEST_CLIENT.ip,
        userAgent: TEST_CLIENT.userAgent,
        details: { subdomain: "sunrise", name: "Sunrise Clinic" },
      }),
    ]);
  });

  it("sets the clinic up with the time zone and currency its admin chose", async () => {
    const admin = await newAdmin();
    const result = await caller.callAs(admin, createClinicAction, { ...clinicAt("euro"), currency: "eur" });
    if (!result.ok) throw new Error(result.error.message);
    await waitForClinicStatus(platform.central, result.data.id);

    const settings = await withTenantDb("euro", (db) =>
      db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    );
    expect(settings).toMatchObject({ name: "Sunrise Clinic", timezone: "Europe/Berlin", currency: "EUR" });
  });

  it("refuses a subdomain that is taken straight away, with the reason on the subdomain field", async () => {
    const [first, second] = [await newAdmin(), await newAdmin()];
    const claimed = await caller.callAs(first, createClinicAction, clinicAt("dawn"));
    if (!claimed.ok) throw new Error(claimed.error.message);

    const refused = await caller.callAs(second, createClinicAction, {
      ...clinicAt("dawn"),
      name: "Another Dawn",
    });

    expect(refused).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "The subdomain “dawn” is already taken.",
        fields: { subdomain: "This subdomain is already taken." },
      },
    });
    await waitForClinicStatus(platform.central, claimed.data.id);
    expect(await clinicsAt("dawn")).toEqual([{ subdomain: "dawn", status: "ACTIVE", ownerId: first.id }]);
    expect(await platform.central.auditEvent.count({ where: { actorId: second.id } })).toBe(0);
  });

  it("answers bad input with INVALID and a message for each field, and creates nothing", async () => {
    const admin = await newAdmin();
    const clinics = await platform.central.clinic.count();
    const result = await caller.callAs(admin, createClinicAction, {
      name: " ",
      subdomain: "Bad--Name",
      locationName: "x",
      timezone: "Mars/Olympus_Mons",
      currency: "Gold",
    });

    expect(result).toMatchObject({ ok: false, error: { code: "INVALID" } });
    if (result.ok) throw new Error("bad input was accepted");
    expect(result.error.fields).toEqual({
      name: "Give the clinic a name of at least 2 characters.",
      subdomain: "Use lowercase letters only (a–z): subdomains are not case-sensitive.",
      locationName: "Name the first location (at least 2 characters), e.g. Main clinic.",
      timezone: "Choose a time zone from the list, e.g. Europe/Berlin.",
      currency: "Use a 3-letter currency code, e.g. EUR or USD.",
    });
    expect(await platform.central.clinic.count()).toBe(clinics);
    expect(await platform.central.auditEvent.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it("reports a failed set-up with its step and reason, and trying again with the same details succeeds", async () => {
    const admin = await newAdmin();
    const failing = new ClinicDatabaseService({
      central: platform.central,
      env: platform.env,
      onStep: (step) => {
        if (step === "migrations") throw new Error("disk full");
      },
    });
    await failing.provisionClinic({ ...clinicAt("dusk"), ownerId: admin.id }).catch(() => {});
    const failed = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "dusk" } });

    expect(await caller.callAs(admin, getClinicProgressAction, { clinicId: failed.id })).toEqual({
      ok: true,
      data: {
        status: "FAILED",
        step: "migrations",
        steps: PROVISIONING_STEPS,
        reason: "migrations: disk full.",
        retrying: null,
      },
    });
    expect(await caller.callAs(admin, checkSubdomainAction, { subdomain: "dusk" })).toMatchObject({
      ok: true,
      data: { available: true },
    });

    const retried = await caller.callAs(admin, createClinicAction, clinicAt("dusk"));
    expect(retried).toMatchObject({ ok: true, data: { id: failed.id } });
    expect(await waitForClinicStatus(platform.central, failed.id)).toMatchObject({ status: "ACTIVE" });
  });
});

describe("who may use the console's actions", () => {
  it("refuses a super admin every clinic-admin action, and changes nothing", async () => {
    const owner = await newAdmin();
    const superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    const created = await caller.callAs(owner, createClinicAction, clinicAt("noon"));
    if (!created.ok) throw new Error(created.error.message);
    const clinicId = created.data.id;
    await waitForClinicStatus(platform.central, clinicId);
    await caller.requestAs(superAdmin);
    const eventsBefore = await platform.central.auditEvent.count();

    const attempts: [string, ServerAction<unknown>, unknown][] = [
      ["create clinic", createClinicAction, clinicAt("midnight")],
      ["check subdomain", checkSubdomainAction, { subdomain: "midnight" }],
      ["get clinic progress", getClinicProgressAction, { clinicId }],
      ["open clinic", openClinicAction, { clinicId }],
      ["suspend clinic", suspendClinicAction, { clinicId }],
      ["resume clinic", resumeClinicAction, { clinicId }],
      ["delete clinic", deleteClinicAction, { clinicId, confirmation: "noon" }],
      ["add co-admin", addCoAdminAction, { clinicId, email: superAdmin.email }],
      ["remove co-admin", removeCoAdminAction, { clinicId, userId: owner.id }],
    ];
    for (const [name, action, input] of attempts)
      expect(await caller.callAs(superAdmin, action, input), name).toEqual(ROLE_REFUSED);

    expect(await clinicsAt("noon", "midnight")).toEqual([
      { subdomain: "noon", status: "ACTIVE", ownerId: owner.id },
    ]);
    expect(await platform.central.clinicTicket.count({ where: { clinicId } })).toBe(0);
    expect(await platform.central.clinicCoAdmin.count({ where: { clinicId } })).toBe(0);
    expect(await platform.central.auditEvent.count()).toBe(eventsBefore);
  });

  it("refuses a clinic admin whose temporary password must be changed first", async () => {
    const admin = await newAdmin();
    await caller.requestAs(admin);
    await platform.central.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });

    const result = await caller.callAs(admin, createClinicAction, clinicAt("morning"));

    expect(result).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Change your temporary password first." },
    });
    expect(await clinicsAt("morning")).toEqual([]);
  });
});
