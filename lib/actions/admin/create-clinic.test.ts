import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../generated/central/client";
import { ClinicDatabaseService, PROVISIONING_STEPS } from "../../tenancy/clinic-database-service";
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

beforeEach(async () => {
  platform = await createTestPlatform();
  vi.stubEnv("TENANT_NAME_PREFIX", platform.prefix);
});

afterEach(async () => {
  for (const clinic of await platform.central.clinic.findMany({ where: { status: "PROVISIONING" } }))
    await waitForClinicStatus(platform.central, clinic.id);
  vi.unstubAllEnvs();
  await platform.cleanup();
});

const as = (user: User) => ({ session: sessionOf(user), db: platform.central, client: TEST_CLIENT });

const sunrise = {
  name: "Sunrise Clinic",
  subdomain: "sunrise",
  locationName: "Sunrise Main Street",
  timezone: "Europe/Berlin",
};

describe("creating a clinic", () => {
  it("claims the subdomain for the admin at once, then provisions the database until the clinic is ACTIVE", async () => {
    const result = await createClinicAction(sunrise, as(platform.owner));

    expect(result).toMatchObject({ ok: true, data: { name: "Sunrise Clinic", subdomain: "sunrise" } });
    if (!result.ok) return;
    const claimed = await platform.central.clinic.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(claimed).toMatchObject({ subdomain: "sunrise", ownerId: platform.owner.id });

    const active = await waitForClinicStatus(platform.central, result.data.id);
    expect(active).toMatchObject({ status: "ACTIVE", provisioningStep: "active", statusReason: null });
    expect(await getClinicProgressAction({ clinicId: active.id }, as(platform.owner))).toEqual({
      ok: true,
      data: { status: "ACTIVE", step: "active", steps: PROVISIONING_STEPS, reason: null },
    });
    expect(await platform.central.auditEvent.findMany()).toEqual([
      expect.objectContaining({
        action: "clinic.create",
        actorId: platform.owner.id,
        actorEmail: platform.owner.email,
        targetType: "clinic",
        targetId: active.id,
        ip: TEST_CLIENT.ip,
        userAgent: TEST_CLIENT.userAgent,
        details: { subdomain: "sunrise", name: "Sunrise Clinic" },
      }),
    ]);
  });

  it("refuses a subdomain that is taken straight away, with the reason on the subdomain field", async () => {
    const other = await createPlatformUser(platform.central, { email: "other@clinics.test" });
    const first = await createClinicAction(sunrise, as(platform.owner));

    const second = await createClinicAction({ ...sunrise, name: "Another Sunrise" }, as(other));

    expect(second).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "The subdomain “sunrise” is already taken.",
        fields: { subdomain: "This subdomain is already taken." },
      },
    });
    if (first.ok) await waitForClinicStatus(platform.central, first.data.id);
    expect(await platform.central.clinic.count()).toBe(1);
  });

  it("answers bad input with INVALID and a message for each field, and creates nothing", async () => {
    const result = await createClinicAction(
      { name: " ", subdomain: "Bad--Name", locationName: "x", timezone: "Mars/Olympus_Mons" },
      as(platform.owner),
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID");
    expect(result.error.fields).toEqual({
      name: "Give the clinic a name of at least 2 characters.",
      subdomain: "Use lowercase letters only (a–z): subdomains are not case-sensitive.",
      locationName: "Name the first location (at least 2 characters), e.g. Main clinic.",
      timezone: "Choose a time zone from the list, e.g. Europe/Berlin.",
    });
    expect(await platform.central.clinic.count()).toBe(0);
  });

  it("reports a failed set-up with its step and reason, and trying again with the same details succeeds", async () => {
    const failing = new ClinicDatabaseService({
      central: platform.central,
      env: platform.env,
      onStep: (step) => {
        if (step === "migrations") throw new Error("disk full");
      },
    });
    await failing.provisionClinic({ ...sunrise, ownerId: platform.owner.id }).catch(() => {});
    const failed = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "sunrise" } });

    expect(await getClinicProgressAction({ clinicId: failed.id }, as(platform.owner))).toEqual({
      ok: true,
      data: {
        status: "FAILED",
        step: "migrations",
        steps: PROVISIONING_STEPS,
        reason: "migrations: disk full.",
      },
    });
    expect(await checkSubdomainAction({ subdomain: "sunrise" }, as(platform.owner))).toMatchObject({
      ok: true,
      data: { available: true },
    });

    const retried = await createClinicAction(sunrise, as(platform.owner));
    expect(retried).toMatchObject({ ok: true, data: { id: failed.id } });
    expect(await waitForClinicStatus(platform.central, failed.id)).toMatchObject({ status: "ACTIVE" });
  });
});

describe("who may use the console's actions", () => {
  it("refuses a super admin every clinic-admin action, and changes nothing", async () => {
    const superAdmin = await createPlatformUser(platform.central, {
      email: "root@clinics.test",
      role: "SUPER_ADMIN",
    });
    const created = await createClinicAction(sunrise, as(platform.owner));
    if (!created.ok) throw new Error(created.error.message);
    const clinicId = created.data.id;
    await waitForClinicStatus(platform.central, clinicId);
    const eventsBefore = await platform.central.auditEvent.count();

    const attempts = {
      createClinic: () => createClinicAction({ ...sunrise, subdomain: "sunset" }, as(superAdmin)),
      checkSubdomain: () => checkSubdomainAction({ subdomain: "sunset" }, as(superAdmin)),
      getClinicProgress: () => getClinicProgressAction({ clinicId }, as(superAdmin)),
      openClinic: () => openClinicAction({ clinicId }, as(superAdmin)),
      suspendClinic: () => suspendClinicAction({ clinicId }, as(superAdmin)),
      resumeClinic: () => resumeClinicAction({ clinicId }, as(superAdmin)),
      deleteClinic: () => deleteClinicAction({ clinicId, confirmation: "sunrise" }, as(superAdmin)),
      addCoAdmin: () => addCoAdminAction({ clinicId, email: superAdmin.email }, as(superAdmin)),
      removeCoAdmin: () => removeCoAdminAction({ clinicId, userId: platform.owner.id }, as(superAdmin)),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect(await attempt(), name).toEqual({
        ok: false,
        error: { code: "FORBIDDEN", message: "Your role does not allow this." },
      });
    }
    expect(await platform.central.clinic.findMany({ select: { subdomain: true, status: true } })).toEqual([
      { subdomain: "sunrise", status: "ACTIVE" },
    ]);
    expect(await platform.central.clinicTicket.count()).toBe(0);
    expect(await platform.central.auditEvent.count()).toBe(eventsBefore);
  });

  it("refuses a clinic admin whose temporary password must be changed first", async () => {
    const result = await createClinicAction(sunrise, {
      ...as(platform.owner),
      session: { ...sessionOf(platform.owner), mustChangePassword: true },
    });

    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await platform.central.clinic.count()).toBe(0);
  });
});
