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

it("gives the practice a clinical record: visits with signed notes, drafts for the first doctor, vitals, coded diagnoses, allergies and immunizations", async () => {
  await registry.withTenantDb("maple", async (db) => {
    const completed = await db.appointment.count({ where: { status: "COMPLETED" } });
    // Every completed appointment has its visit; a share of patients have older walk-in visits too.
    expect(await db.visit.count({ where: { appointmentId: { not: null } } })).toBe(completed);
    expect(await db.visit.count({ where: { appointmentId: null } })).toBeGreaterThan(50);
    expect(await db.visit.count({ where: { notes: { none: {} } } })).toBe(0);

    const doctor1 = await db.staffUser.findUniqueOrThrow({ where: { email: "doctor1@maple.test" } });
    const drafts = await db.clinicalNote.findMany({ where: { status: "DRAFT" }, select: { authorId: true } });
    expect(drafts).toHaveLength(4);
    expect(new Set(drafts.map((note) => note.authorId))).toEqual(new Set([doctor1.id]));
    const signed = await db.clinicalNote.findFirstOrThrow({ where: { status: "SIGNED" } });
    expect(signed.signedAt).not.toBeNull();
    for (const section of [signed.subjective, signed.objective, signed.assessment, signed.plan]) {
      expect(section.length).toBeGreaterThan(10);
      expect(section).not.toMatch(/\{\w+\}/);
    }

    // A series of vitals over months for some patients, each with a unit as entered.
    const series = await db.vitalSigns.groupBy({
      by: ["patientId"],
      _count: true,
      having: { patientId: { _count: { gte: 4 } } },
    });
    expect(series.length).toBeGreaterThan(5);
    expect(await db.vitalSigns.count({ where: { OR: [{ weightUnit: null }, { systolic: null }] } })).toBe(0);

    const codes = await db.diagnosis.findMany({
      distinct: ["code"],
      select: { code: true, codeSystem: true },
    });
    expect(codes.map((diagnosis) => diagnosis.code)).toEqual(expect.arrayContaining(["I10", "E11.9"]));
    expect(new Set(codes.map((diagnosis) => diagnosis.codeSystem))).toEqual(new Set(["ICD-10-CM FY2026"]));
    expect(await db.diagnosis.count({ where: { onProblemList: true } })).toBeGreaterThan(5);

    // Some patients have allergies listed, some "no known allergies" recorded, most nothing yet.
    expect(await db.allergy.count()).toBeGreaterThan(3);
    const noneKnown = await db.patient.count({ where: { noKnownAllergiesAt: { not: null } } });
    expect(noneKnown).toBeGreaterThan(3);
    expect(
      await db.patient.count({ where: { noKnownAllergiesAt: null, allergies: { none: {} } } }),
    ).toBeGreaterThan(noneKnown);
    expect(await db.immunization.count()).toBeGreaterThan(10);
  });
});
