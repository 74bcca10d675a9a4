import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPatientAllergies } from "@/lib/clinical/allergies";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { recordAllergyAction } from "./record-allergy";
import { recordNoKnownAllergiesAction } from "./record-no-known-allergies";
import { updateAllergyAction } from "./update-allergy";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "alder" });
  other = await clinic.addClinic("alder-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
const newPatient = (db = clinic.db) =>
  db.patient.create({
    data: { firstName: "Al", lastName: `Lergy${++counter}`, dateOfBirth: new Date("1985-03-03") },
  });

const penicillin = (patientId: string, overrides: Record<string, unknown> = {}) => ({
  patientId,
  substance: "Penicillin",
  category: "DRUG",
  reactions: [
    { manifestation: "Hives", severity: "MODERATE" },
    { manifestation: "Wheeze", severity: "SEVERE" },
  ],
  status: "ACTIVE",
  verification: "CONFIRMED",
  onset: "2015-06",
  note: "Reaction after the first dose",
  ...overrides,
});

const writes = async () => ({
  allergies: await clinic.db.allergy.count(),
  audits: await clinic.db.auditEvent.count(),
});

describe.each(rolesWith("allergies.manage"))("a %s, who manages allergies", (role) => {
  it("records an allergy: the banner lists it with its worst severity, the audit keeps the substance out", async () => {
    const patient = await newPatient();
    const result = await clinic.callAs(role, recordAllergyAction, penicillin(patient.id));
    if (!result.ok) throw new Error(result.error.message);

    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toEqual({
      state: "listed",
      allergies: [{ id: result.data.id, substance: "Penicillin", severity: "SEVERE", confirmed: true }],
    });
    const [row] = await findPatientAllergies({ db: clinic.db, patientId: patient.id });
    expect(row).toMatchObject({ onset: "2015-06", note: "Reaction after the first dose", category: "DRUG" });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "allergy.recorded", targetId: patient.id },
    });
    expect(audit.details).toEqual({ allergyId: result.data.id, category: "DRUG", status: "ACTIVE" });
    expect(JSON.stringify(audit)).not.toMatch(/Penicillin|Hives|first dose/);
  });

  it("records no known allergies, and a later allergy clears the statement", async () => {
    const patient = await newPatient();
    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toEqual({
      state: "not-recorded",
    });

    expect(await clinic.callAs(role, recordNoKnownAllergiesAction, { patientId: patient.id })).toMatchObject({
      ok: true,
    });
    const stated = await clinic.db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(stated.noKnownAllergiesById).toBe(clinic.members[role].id);
    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toMatchObject({
      state: "none-known",
    });

    await clinic.callAs(role, recordAllergyAction, penicillin(patient.id));
    const cleared = await clinic.db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(cleared).toMatchObject({ noKnownAllergiesAt: null, noKnownAllergiesById: null });
  });
});

describe("no known allergies", () => {
  it("is refused while an active allergy is listed, and allowed once it is refuted", async () => {
    const patient = await newPatient();
    const recorded = await clinic.callAs("NURSE", recordAllergyAction, penicillin(patient.id));
    if (!recorded.ok) throw new Error(recorded.error.message);

    const refused = await clinic.callAs("NURSE", recordNoKnownAllergiesAction, { patientId: patient.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /an active allergy listed/ },
    });
    expect(
      (await clinic.db.patient.findUniqueOrThrow({ where: { id: patient.id } })).noKnownAllergiesAt,
    ).toBeNull();

    await clinic.callAs("NURSE", updateAllergyAction, {
      allergyId: recorded.data.id,
      status: "ACTIVE",
      verification: "REFUTED",
    });
    expect(
      await clinic.callAs("NURSE", recordNoKnownAllergiesAction, { patientId: patient.id }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("changing an allergy", () => {
  it("marks it entered in error with the reason in its note; it leaves the banner and the list", async () => {
    const patient = await newPatient();
    const recorded = await clinic.callAs("DOCTOR", recordAllergyAction, penicillin(patient.id));
    if (!recorded.ok) throw new Error(recorded.error.message);

    const missingReason = await clinic.callAs("DOCTOR", updateAllergyAction, {
      allergyId: recorded.data.id,
      status: "ACTIVE",
      verification: "ENTERED_IN_ERROR",
    });
    expect(missingReason).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { reason: /Say why/ } },
    });

    const marked = await clinic.callAs("DOCTOR", updateAllergyAction, {
      allergyId: recorded.data.id,
      status: "ACTIVE",
      verification: "ENTERED_IN_ERROR",
      reason: "Recorded on the wrong patient",
    });
    expect(marked).toMatchObject({ ok: true, data: { verification: "ENTERED_IN_ERROR" } });
    const row = await clinic.db.allergy.findUniqueOrThrow({ where: { id: recorded.data.id } });
    expect(row.note).toBe("Reaction after the first dose\nEntered in error: Recorded on the wrong patient");
    expect(await findAllergyBanner({ db: clinic.db, patientId: patient.id })).toEqual({
      state: "not-recorded",
    });
    expect(await findPatientAllergies({ db: clinic.db, patientId: patient.id })).toEqual([]);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "allergy.updated", targetId: patient.id },
    });
    expect(audit.details).toEqual({ allergyId: row.id, status: "ACTIVE", verification: "ENTERED_IN_ERROR" });

    const again = await clinic.callAs("DOCTOR", updateAllergyAction, {
      allergyId: recorded.data.id,
      status: "RESOLVED",
      verification: "CONFIRMED",
    });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("bad requests", () => {
  it.each([
    [{ substance: "" }, "substance", /Enter the substance/],
    [{ category: "PLANT" }, "category", /drug, food or environment/],
    [{ onset: "2019-13" }, "onset", /real date/],
    [{ onset: "April 2019" }, "onset", /as a year/],
    [{ onset: "2999" }, "onset", /real date/],
    [{ reactions: [{ manifestation: "Rash", severity: "LETHAL" }] }, "reactions.0.severity", /how severe/],
    [{ reactions: [{ manifestation: " ", severity: "MILD" }] }, "reactions.0.manifestation", /Describe/],
    [{ verification: "ENTERED_IN_ERROR" }, "verification", /confirmed, unconfirmed or refuted/],
  ])("refuses %j with a field message and writes nothing", async (change, field, message) => {
    const patient = await newPatient();
    const before = await writes();
    const result = await clinic.callAs("DOCTOR", recordAllergyAction, penicillin(patient.id, change));
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID", fields: { [field]: message } } });
    expect(await writes()).toEqual(before);
  });

  it("answers NOT_FOUND for another clinic's patient or allergy, writing nothing", async () => {
    const foreign = await newPatient(other.db);
    const foreignAllergy = await other.db.allergy.create({
      data: { patientId: foreign.id, substance: "Latex", category: "ENVIRONMENT", recordedById: foreign.id },
    });
    const before = await writes();
    expect(await clinic.callAs("DOCTOR", recordAllergyAction, penicillin(foreign.id))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(
      await clinic.callAs("NURSE", recordNoKnownAllergiesAction, { patientId: foreign.id }),
    ).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(
      await clinic.callAs("NURSE", updateAllergyAction, {
        allergyId: foreignAllergy.id,
        status: "RESOLVED",
        verification: "CONFIRMED",
      }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await writes()).toEqual(before);
  });
});

describe.each(rolesWithout("allergies.manage"))("a %s, who does not manage allergies", (role) => {
  it("may not record an allergy or no known allergies, and nothing is written", async () => {
    const patient = await newPatient();
    const before = await writes();
    expect(await clinic.callAs(role, recordAllergyAction, penicillin(patient.id))).toEqual(ROLE_REFUSED);
    expect(await clinic.callAs(role, recordNoKnownAllergiesAction, { patientId: patient.id })).toEqual(
      ROLE_REFUSED,
    );
    expect(await writes()).toEqual(before);
  });
});
