import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findAdminClinics } from "@/lib/admin/find-admin-clinics";
import type { Clinic, User } from "@/lib/generated/central/client";
import { findClinicsPage } from "@/lib/super/clinics";
import { settleBackgroundWork } from "../../background-work";
import { ClinicDatabaseService } from "../../tenancy/clinic-database-service";
import { waitForClinicStatus } from "../../testing/clinic-status";
import { adminQuery } from "../../testing/databases";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { removeFailedClinicAction as superRemove } from "../super/remove-failed-clinic";
import { retryClinicSetupAction as superRetry } from "../super/retry-clinic-setup";
import { addCoAdminAction } from "./add-co-admin";
import { checkSubdomainAction } from "./check-subdomain";
import { removeFailedClinicAction } from "./remove-failed-clinic";
import { retryClinicSetupAction } from "./retry-clinic-setup";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
});

// A retried set-up runs on after the action answers: none is left half made for the next test.
afterEach(async () => {
  await settleBackgroundWork();
});

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

const newAdmin = () => createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });

/** A clinic whose set-up failed for real at the "database" step (its first details kept on its job). */
async function failedClinic(owner: User, subdomain: string): Promise<Clinic> {
  const failing = new ClinicDatabaseService({
    central: platform.central,
    env: platform.env,
    onStep: (step) => {
      if (step === "database") throw new Error("the server's disk is full");
    },
  });
  await failing
    .provisionClinic({ name: "Dusk Clinic", subdomain, ownerId: owner.id, timezone: "Europe/Berlin" })
    .catch(() => {});
  return platform.central.clinic.findUniqueOrThrow({ where: { subdomain } });
}

const auditActions = async (clinic: Clinic) =>
  (
    await platform.central.auditEvent.findMany({ where: { targetId: clinic.id }, orderBy: { at: "asc" } })
  ).map((event) => [event.action, event.actorId]);

async function databaseExists(name: string): Promise<boolean> {
  const { rows } = await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rows.length > 0;
}

describe("a clinic whose set-up failed, in the clinic admin's console", () => {
  it("shows the step it reached and the reason in the list of the admin's clinics", async () => {
    const owner = await newAdmin();
    const clinic = await failedClinic(owner, "listed");

    const [row] = await findAdminClinics({ central: platform.central, userId: owner.id });

    expect(row).toMatchObject({
      id: clinic.id,
      status: "FAILED",
      attention: {
        kind: "setup-failed",
        step: "database",
        reason: "the server's disk is full.",
        neverActive: true,
      },
    });
  });

  it("is set up again by Retry, with its first details and owner, even when a co-admin retries", async () => {
    const owner = await newAdmin();
    const coAdmin = await newAdmin();
    const clinic = await failedClinic(owner, "retried");
    expect(
      await caller.callAs(owner, addCoAdminAction, { clinicId: clinic.id, email: coAdmin.email }),
    ).toMatchObject({ ok: true });

    const retried = await caller.callAs(coAdmin, retryClinicSetupAction, { clinicId: clinic.id });

    expect(retried).toEqual({ ok: true, data: { id: clinic.id, status: "PROVISIONING" } });
    const active = await waitForClinicStatus(platform.central, clinic.id);
    expect(active).toMatchObject({
      status: "ACTIVE",
      ownerId: owner.id,
      statusReason: null,
      name: "Dusk Clinic",
    });
    expect(await databaseExists(active.databaseName)).toBe(true);
    expect(await auditActions(clinic)).toContainEqual(["clinic.setup-retry", coAdmin.id]);
    const [row] = await findAdminClinics({ central: platform.central, userId: owner.id });
    expect(row).toMatchObject({ status: "ACTIVE", attention: null });
  });

  it("is removed by its owner: DELETED at once, and its address is free again", async () => {
    const owner = await newAdmin();
    const clinic = await failedClinic(owner, "removed");

    const removed = await caller.callAs(owner, removeFailedClinicAction, { clinicId: clinic.id });

    expect(removed).toEqual({ ok: true, data: { id: clinic.id, status: "DELETED" } });
    expect(await auditActions(clinic)).toContainEqual(["clinic.remove-failed", owner.id]);
    const someoneElse = await newAdmin();
    expect(await caller.callAs(someoneElse, checkSubdomainAction, { subdomain: "removed" })).toMatchObject({
      ok: true,
      data: { available: true },
    });
  });

  it("refuses Remove to a co-admin, and Remove of a working clinic, changing nothing", async () => {
    const owner = await newAdmin();
    const coAdmin = await newAdmin();
    const clinic = await failedClinic(owner, "kept");
    await caller.callAs(owner, addCoAdminAction, { clinicId: clinic.id, email: coAdmin.email });

    expect(await caller.callAs(coAdmin, removeFailedClinicAction, { clinicId: clinic.id })).toEqual({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "Only the clinic's owner can remove the clinic; you are a co-admin.",
      },
    });
    await caller.callAs(owner, retryClinicSetupAction, { clinicId: clinic.id });
    await waitForClinicStatus(platform.central, clinic.id);
    expect(await caller.callAs(owner, removeFailedClinicAction, { clinicId: clinic.id })).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "The clinic is active; only a clinic whose set-up or deletion failed is removed here.",
      },
    });
    expect(await platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).toMatchObject({
      status: "ACTIVE",
    });
  });

  it("deletes again a clinic left DELETING, and says why it stopped until then", async () => {
    const owner = await newAdmin();
    const clinic = await failedClinic(owner, "halfgone");
    await platform.central.clinic.update({
      where: { id: clinic.id },
      data: { status: "DELETING", statusReason: "The database server could not be reached." },
    });
    const [row] = await findAdminClinics({ central: platform.central, userId: owner.id });
    expect(row?.attention).toEqual({
      kind: "delete-failed",
      reason: "The database server could not be reached.",
      neverActive: true,
    });

    const removed = await caller.callAs(owner, removeFailedClinicAction, { clinicId: clinic.id });

    expect(removed).toEqual({ ok: true, data: { id: clinic.id, status: "DELETED" } });
    expect(await auditActions(clinic)).toContainEqual(["clinic.delete-retry", owner.id]);
  });
});

describe("failed clinics in the super admin's console", () => {
  it("lists them under “needs attention”, and retries or removes any admin's clinic", async () => {
    const superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    const owner = await newAdmin();
    const toRetry = await failedClinic(owner, "superretry");
    const toRemove = await failedClinic(owner, "superremove");

    const page = await findClinicsPage({ central: platform.central, page: 1, filter: "attention" });
    const listed = page.rows.map((row) => [row.subdomain, row.attention?.kind]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ["superretry", "setup-failed"],
        ["superremove", "setup-failed"],
      ]),
    );
    expect(page.rows.every((row) => row.attention !== null)).toBe(true);

    expect(await caller.callAs(superAdmin, superRetry, { clinicId: toRetry.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await waitForClinicStatus(platform.central, toRetry.id)).toMatchObject({
      status: "ACTIVE",
      ownerId: owner.id,
    });
    expect(await caller.callAs(superAdmin, superRemove, { clinicId: toRemove.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await platform.central.clinic.findUniqueOrThrow({ where: { id: toRemove.id } })).toMatchObject({
      status: "DELETED",
    });
    expect(await auditActions(toRetry)).toContainEqual(["clinic.setup-retry", superAdmin.id]);
    expect(await auditActions(toRemove)).toContainEqual(["clinic.remove-failed", superAdmin.id]);
    const after = await findClinicsPage({ central: platform.central, page: 1, filter: "attention" });
    expect(after.rows.map((row) => row.subdomain)).not.toContain("superretry");
  });
});
