import { afterAll, beforeAll, expect, it } from "vitest";
import { generateDemoData } from "../clinic/demo-data";
import { paperHeadingSchema } from "../documents/paper-heading";
import { withClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { TenantRegistry } from "../tenancy/registry";
import { createTestPlatform, type TestPlatform } from "../testing/platform";

let platform: TestPlatform;
let registry: TenantRegistry;
let seconds = 0;

beforeAll(async () => {
  platform = await createTestPlatform();
  const clinic = await new ClinicDatabaseService({
    central: platform.central,
    env: platform.env,
  }).provisionClinic({
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
  const server = await platform.central.databaseServer.findUniqueOrThrow({
    where: { id: clinic.databaseServerId ?? "" },
  });
  const started = performance.now();
  // As the demo seed does: a client of its own, not a request's (whose 10 s budget a loaded CI can pass).
  await withClinicClient(clinic, server, (db) =>
    generateDemoData({
      db,
      timeZone: "Europe/London",
      patients: 2000,
      staffPasswordHash: "!",
      emailDomain: "maple.test",
    }),
  );
  seconds = (performance.now() - started) / 1000;
});

afterAll(async () => {
  await registry.close();
  await platform.cleanup();
});

it("fills a 2,000-patient practice, prescriptions and letters included, in under 15 seconds", () => {
  expect(seconds).toBeLessThan(15);
});

it("gives the demo signed prescriptions numbered in signing order, with active, completed and stopped medicines", async () => {
  await registry.withTenantDb("maple", async (db) => {
    const prescriptions = await db.prescription.findMany({
      orderBy: { signedAt: "asc" },
      include: { lines: true },
    });
    expect(prescriptions.length).toBeGreaterThan(30);
    expect(new Set(prescriptions.map((p) => p.status))).toEqual(new Set(["SIGNED"]));
    const numbers = prescriptions.map((p) => Number(p.number?.replace("RX-", "")));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(prescriptions[0]?.number).toMatch(/^RX-\d{6}$/);
    expect(prescriptions.every((p) => p.visitId && p.lines.length > 0)).toBe(true);
    expect(paperHeadingSchema.safeParse(prescriptions[0]?.heading).success).toBe(true);
    const statuses = new Set(prescriptions.flatMap((p) => p.lines.map((line) => line.status)));
    expect(statuses).toEqual(new Set(["ACTIVE", "COMPLETED", "STOPPED"]));
    expect(await db.medicationFavourite.groupBy({ by: ["ownerId"], _count: true })).toHaveLength(5);
    expect(await db.reportedMedication.count()).toBeGreaterThan(5);
  });
});

it("has Zoë Ångström-Núñez with an address, a sick note and a referral letter naming her medicines", async () => {
  await registry.withTenantDb("maple", async (db) => {
    const zoe = await db.patient.findFirstOrThrow({
      where: { firstName: "Zoë", lastName: "Ångström-Núñez" },
      include: { sickNotes: true, referrals: true, medications: true },
    });
    expect(zoe.address).toContain("Église");
    expect(zoe.medications.some((line) => line.medicationName === "Amlodipine")).toBe(true);
    expect(zoe.sickNotes).toHaveLength(1);
    expect(zoe.sickNotes[0]?.body).toContain("In my opinion Zoë Ångström-Núñez is not fit for work from");
    expect(paperHeadingSchema.parse(zoe.sickNotes[0]?.heading).patient.address).toBe(zoe.address);
    expect(zoe.referrals).toHaveLength(1);
    expect(zoe.referrals[0]?.body).toMatch(/^Dear Dr Priya Natarajan/);
    expect(zoe.referrals[0]?.history).toContain("Amlodipine 5 mg tablet: Take 1 tablet by mouth once a day");
    expect(zoe.referrals[0]?.history).toContain("Omeprazole, 20 mg, once a day (reported by the patient)");
  });
});
