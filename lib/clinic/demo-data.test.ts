import { afterAll, beforeAll, expect, it } from "vitest";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { TenantRegistry } from "../tenancy/registry";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { generateDemoData } from "./demo-data";

let platform: TestPlatform;
let registry: TenantRegistry;

beforeAll(async () => {
  platform = await createTestPlatform();
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Maple",
    subdomain: "maple",
    ownerId: platform.owner.id,
    timezone: "Europe/London",
  });
  registry = new TenantRegistry({
    central: platform.central,
    centralUrl: platform.centralUrl,
    budget: 2,
    poolMax: 2,
  });
});

afterAll(async () => {
  await registry.close();
  await platform.cleanup();
});

it("fills a clinic with locations, doctors with hours, staff, patients and non-overlapping appointments", async () => {
  const summary = await registry.withTenantDb("maple", (db) =>
    generateDemoData({
      db,
      timeZone: "Europe/London",
      patients: 300,
      daysAround: 7,
      staffPasswordHash: "!",
      emailDomain: "maple.test",
    }),
  );
  expect(summary).toMatchObject({ patients: 300, doctors: 5, locations: 2 });
  expect(summary.appointments).toBeGreaterThan(100);

  await registry.withTenantDb("maple", async (db) => {
    expect(await db.patient.count()).toBe(300);
    // Every location has an address, the main one too (provisioning only names it).
    expect(await db.location.count({ where: { address: null } })).toBe(0);
    expect(await db.doctorProfile.count()).toBe(5);
    expect(await db.staffUser.count({ where: { role: "RECEPTIONIST" } })).toBe(1);
    expect(await db.appointment.count()).toBe(summary.appointments);
    // Past appointments are finished one way or another; future ones are booked or cancelled.
    expect(await db.appointment.count({ where: { startsAt: { lt: new Date() }, status: "BOOKED" } })).toBe(0);
  });
});
