import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic, User } from "@/lib/generated/central/client";
import { findClinicsPage } from "@/lib/super/clinics";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { registerClinicRow } from "@/lib/testing/clinic-rows";
import { adminQuery } from "@/lib/testing/databases";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED } from "@/lib/testing/roles";
import { resumeClinicAction } from "./resume-clinic";
import { suspendClinicAction } from "./suspend-clinic";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let superAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await platform?.cleanup();
});

/** A clinic with its own database and role on the platform's server. */
const provisionClinic = (subdomain: string): Promise<Clinic> =>
  new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: `${subdomain} clinic`,
    subdomain,
    ownerId: platform.owner.id,
  });

/** Only the clinic's central row: enough where the action must stop before reaching its database. */
const registerClinic = (subdomain: string, databaseServerId = platform.server.id) =>
  registerClinicRow(platform, { subdomain, ownerId: platform.owner.id, databaseServerId });

const clinicRow = (clinic: Clinic) => platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
const auditOf = (clinic: Clinic) =>
  platform.central.auditEvent.findMany({ where: { targetId: clinic.id }, orderBy: { at: "asc" } });

async function roleCanLogIn(clinic: Clinic): Promise<boolean> {
  const { rows } = await adminQuery<{ rolcanlogin: boolean }>(
    "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1",
    [clinic.roleName],
  );
  if (!rows[0]) throw new Error(`No role ${clinic.roleName}`);
  return rows[0].rolcanlogin;
}

describe("suspending and resuming clinics", () => {
  it("suspends a clinic with its reason, so its role cannot log in, and resumes it", async () => {
    const clinic = await provisionClinic("birch");
    expect(await roleCanLogIn(clinic)).toBe(true);

    const suspended = await caller.callAs(superAdmin, suspendClinicAction, {
      clinicId: clinic.id,
      reason: "Unpaid invoice",
    });
    expect(suspended).toEqual({ ok: true, data: undefined });
    expect(await clinicRow(clinic)).toMatchObject({ status: "SUSPENDED", statusReason: "Unpaid invoice" });
    expect(await roleCanLogIn(clinic)).toBe(false);

    expect(await caller.callAs(superAdmin, resumeClinicAction, { clinicId: clinic.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await clinicRow(clinic)).toMatchObject({ status: "ACTIVE", statusReason: null });
    expect(await roleCanLogIn(clinic)).toBe(true);

    const audit = await auditOf(clinic);
    expect(audit.map((event) => [event.action, event.actorId, event.ip, event.userAgent])).toEqual([
      ["clinic.suspended", superAdmin.id, TEST_CLIENT.ip, TEST_CLIENT.userAgent],
      ["clinic.resumed", superAdmin.id, TEST_CLIENT.ip, TEST_CLIENT.userAgent],
    ]);
    expect(audit[0]?.details).toEqual({ subdomain: "birch", reason: "Unpaid invoice" });
  });

  it("asks for a reason before suspending", async () => {
    const clinic = await registerClinic("cedar");
    expect(
      await caller.callAs(superAdmin, suspendClinicAction, { clinicId: clinic.id, reason: " " }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { reason: expect.stringContaining("Say why") } },
    });
    expect(await clinicRow(clinic)).toMatchObject({ status: "ACTIVE" });
    expect(await auditOf(clinic)).toEqual([]);
  });

  it("refuses to resume a clinic that is not suspended", async () => {
    const clinic = await registerClinic("dogwood");
    expect(await caller.callAs(superAdmin, resumeClinicAction, { clinicId: clinic.id })).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "The clinic is active; it cannot become active from there." },
    });
    expect(await auditOf(clinic)).toEqual([]);
  });

  it("refuses both to a clinic admin, even the clinic's owner", async () => {
    const clinic = await registerClinic("elm");
    const input = { clinicId: clinic.id, reason: "Testing permissions" };
    expect(await caller.callAs(platform.owner, suspendClinicAction, input)).toEqual(ROLE_REFUSED);
    await platform.central.clinic.update({ where: { id: clinic.id }, data: { status: "SUSPENDED" } });
    expect(await caller.callAs(platform.owner, resumeClinicAction, input)).toEqual(ROLE_REFUSED);
    expect(await clinicRow(clinic)).toMatchObject({ status: "SUSPENDED", statusReason: null });
    expect(await auditOf(clinic)).toEqual([]);
  });
});

describe("the clinics list", () => {
  it("shows each clinic's owner, server, schema version and database size", async () => {
    const clinic = await provisionClinic("fir");
    const page = await findClinicsPage({ central: platform.central, page: 1 });
    expect(page).toMatchObject({ total: await platform.central.clinic.count(), pages: 1 });
    const row = page.rows.find((listed) => listed.id === clinic.id);
    expect(row).toMatchObject({
      subdomain: "fir",
      status: "ACTIVE",
      ownerEmail: platform.owner.email,
      serverName: "default",
      schemaVersion: clinic.schemaVersion,
      lastMigrationError: null,
      size: { bytes: expect.any(Number), problem: null },
    });
    expect(clinic.schemaVersion).toMatch(/^\d{14}_\w+$/);
    expect(row?.size.bytes).toBeGreaterThan(1_000_000);
  });

  it("still lists a clinic whose server cannot be reached, with the reason instead of a size", async () => {
    const server = await platform.central.databaseServer.create({
      data: { name: "unreachable", host: "127.0.0.1", port: 1, adminUser: "postgres" },
    });
    const clinic = await registerClinic("gum", server.id);
    const page = await findClinicsPage({ central: platform.central, page: 1 });
    expect(page.rows.find((listed) => listed.id === clinic.id)?.size).toEqual({
      bytes: null,
      problem: "Server unreachable: Nothing accepts connections on port 1 there.",
    });
  });
});
