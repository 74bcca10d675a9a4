import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Clinic, User } from "@/lib/generated/central/client";
import { findClinicsPage } from "@/lib/super/clinics";
import { contextOf, createPlatformUser } from "@/lib/super/testing";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { adminQuery } from "@/lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import { resumeClinicAction } from "./resume-clinic";
import { suspendClinicAction } from "./suspend-clinic";

let platform: TestPlatform;
let superAdmin: User;
let clinic: Clinic;

beforeEach(async () => {
  platform = await createTestPlatform();
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  clinic = await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Birch Clinic",
    subdomain: "birch",
    ownerId: platform.owner.id,
  });
});

afterEach(async () => {
  await platform.cleanup();
});

const asSuper = () => contextOf(superAdmin, platform.central);
const clinicRow = () => platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });

async function roleCanLogIn(): Promise<boolean> {
  const { rows } = await adminQuery<{ rolcanlogin: boolean }>(
    "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1",
    [clinic.roleName],
  );
  return rows[0]?.rolcanlogin ?? false;
}

describe("suspending and resuming clinics", () => {
  it("suspends a clinic with its reason, so its role cannot log in, and resumes it", async () => {
    const suspended = await suspendClinicAction({ clinicId: clinic.id, reason: "Unpaid invoice" }, asSuper());
    expect(suspended).toEqual({ ok: true, data: undefined });
    expect(await clinicRow()).toMatchObject({ status: "SUSPENDED", statusReason: "Unpaid invoice" });
    expect(await roleCanLogIn()).toBe(false);

    expect(await resumeClinicAction({ clinicId: clinic.id }, asSuper())).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await clinicRow()).toMatchObject({ status: "ACTIVE", statusReason: null });
    expect(await roleCanLogIn()).toBe(true);

    const audit = await platform.central.auditEvent.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((event) => [event.action, event.targetId, event.actorId])).toEqual([
      ["clinic.suspended", clinic.id, superAdmin.id],
      ["clinic.resumed", clinic.id, superAdmin.id],
    ]);
    expect(audit[0]?.details).toEqual({ subdomain: "birch", reason: "Unpaid invoice" });
  });

  it("asks for a reason before suspending", async () => {
    expect(await suspendClinicAction({ clinicId: clinic.id, reason: " " }, asSuper())).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { reason: expect.stringContaining("Say why") } },
    });
    expect(await clinicRow()).toMatchObject({ status: "ACTIVE" });
  });

  it("refuses to resume a clinic that is not suspended", async () => {
    expect(await resumeClinicAction({ clinicId: clinic.id }, asSuper())).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "The clinic is active; it cannot become active from there." },
    });
    expect(await platform.central.auditEvent.count()).toBe(0);
  });
});

describe("the clinics list", () => {
  it("shows each clinic's owner, server, schema version and database size", async () => {
    const page = await findClinicsPage({ central: platform.central, page: 1 });
    expect(page).toMatchObject({ total: 1, pages: 1 });
    expect(page.rows[0]).toMatchObject({
      subdomain: "birch",
      status: "ACTIVE",
      ownerEmail: platform.owner.email,
      serverName: "default",
      schemaVersion: clinic.schemaVersion,
      lastMigrationError: null,
      size: { bytes: expect.any(Number), problem: null },
    });
    expect(page.rows[0]?.size.bytes).toBeGreaterThan(1_000_000);
  });

  it("still lists a clinic whose server cannot be reached, with the reason instead of a size", async () => {
    await platform.central.databaseServer.update({ where: { id: platform.server.id }, data: { port: 1 } });
    const page = await findClinicsPage({ central: platform.central, page: 1 });
    expect(page.rows[0]?.size).toEqual({
      bytes: null,
      problem: "Server default: Nothing accepts connections on port 1 there.",
    });
  });
});
