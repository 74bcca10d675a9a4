import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { findAllergyBanner, worstSeverity } from "./allergy-banner";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "cedar" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
const newPatient = (data: { noKnownAllergiesAt?: Date } = {}) =>
  clinic.db.patient.create({
    data: { firstName: "Ban", lastName: `Ner${++counter}`, dateOfBirth: new Date("1990-01-01"), ...data },
  });

const allergy = (patientId: string, data: Record<string, unknown>) =>
  clinic.db.allergy.create({
    data: { patientId, substance: "Aspirin", category: "DRUG", recordedById: patientId, ...data },
  });

describe("the allergy banner", () => {
  it("says not yet recorded for a patient nobody asked", async () => {
    const patient = await newPatient();
    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toEqual({
      state: "not-recorded",
    });
  });

  it("says no known allergies when that was recorded", async () => {
    const at = new Date("2026-11-01T10:00:00Z");
    const patient = await newPatient({ noKnownAllergiesAt: at });
    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toEqual({
      state: "none-known",
      recordedAt: at,
    });
  });

  it("lists active allergies by substance, leaving out inactive, refuted and entered-in-error ones", async () => {
    const patient = await newPatient();
    await allergy(patient.id, {
      substance: "Peanuts",
      category: "FOOD",
      verification: "CONFIRMED",
      reactions: [{ manifestation: "Swelling", severity: "SEVERE" }],
    });
    await allergy(patient.id, { substance: "Codeine", reactions: [] });
    await allergy(patient.id, { substance: "Latex", status: "RESOLVED" });
    await allergy(patient.id, { substance: "Sulfa", verification: "REFUTED" });
    await allergy(patient.id, { substance: "Ibuprofen", verification: "ENTERED_IN_ERROR" });
    const banner = await findAllergyBanner({ db: clinic.db, patientId: patient.id });
    expect(banner).toMatchObject({
      state: "listed",
      allergies: [
        { substance: "Codeine", severity: null, confirmed: false },
        { substance: "Peanuts", severity: "SEVERE", confirmed: true },
      ],
    });
  });

  it("reads the worst severity of stored reactions, ignoring what it cannot read", () => {
    expect(worstSeverity([{ severity: "MILD" }, { severity: "MODERATE" }])).toBe("MODERATE");
    expect(worstSeverity([{ severity: "FATAL" }, null, "x"])).toBeNull();
    expect(worstSeverity({ severity: "SEVERE" })).toBeNull();
  });
});
