import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateClinicSettingsAction } from "@/lib/actions/settings/update-clinic-settings";
import { findClinicSettings } from "@/lib/clinic/settings";
import { formatEntered } from "@/lib/clinical/vital-units";
import {
  findLatestVitals,
  findVisitVitals,
  findVitalsHistory,
  findVitalsTrend,
} from "@/lib/clinical/vitals-queries";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { markVitalsEnteredInErrorAction } from "./mark-vitals-entered-in-error";
import { recordVitalsAction } from "./record-vitals";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "vitals" });
  other = await clinic.addClinic("vitals-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
async function newPatient(dateOfBirth = "1980-05-05", db = clinic.db) {
  counter += 1;
  return db.patient.create({
    data: {
      firstName: "Vera",
      lastName: `Vitals${counter}`,
      dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`),
    },
  });
}

async function newVisit(patientId: string) {
  const location = await clinic.db.location.create({ data: { name: `Room ${++counter}` } });
  return clinic.db.visit.create({
    data: { patientId, doctorId: clinic.members.DOCTOR.id, locationId: location.id, reason: "Check-up" },
  });
}

/** Rows of every table an action may write, to prove a refusal wrote nothing. */
const counts = async () => ({
  vitals: await clinic.db.vitalSigns.count(),
  audit: await clinic.db.auditEvent.count(),
});

describe.each(rolesWith("vitals.record"))("a %s, who records vitals", (role) => {
  it("stores 177 cm, 154 lb and 38 °C as entered, with canonical values and the BMI; the audit names ids only", async () => {
    const patient = await newPatient();
    const result = await clinic.callAs(role, recordVitalsAction, {
      patientId: patient.id,
      heightValue: "177",
      heightUnit: "cm",
      weightValue: "154",
      weightUnit: "[lb_av]",
      temperatureValue: "38",
      temperatureUnit: "Cel",
      systolic: "128",
      diastolic: "82",
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.bmi).toBe(22.3);

    const row = await clinic.db.vitalSigns.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(formatEntered(row.heightValue)).toBe("177");
    expect(row.heightUnit).toBe("cm");
    expect(row.heightCm).toBe(177);
    expect(formatEntered(row.weightValue)).toBe("154");
    expect(row.weightUnit).toBe("[lb_av]");
    expect(row.weightKg).toBeCloseTo(69.85322498, 8);
    expect(formatEntered(row.temperatureValue)).toBe("38");
    expect(row.temperatureUnit).toBe("Cel");
    expect(row.temperatureC).toBe(38);
    expect(row.recordedById).toBe(clinic.members[role].id);

    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "vitals.recorded", targetId: patient.id },
    });
    expect(audit).toMatchObject({ targetType: "patient", details: { vitalsId: row.id } });
  });

  it("marks a set entered in error with a reason: it leaves the latest values and the trend", async () => {
    const patient = await newPatient();
    const first = await clinic.callAs(role, recordVitalsAction, { patientId: patient.id, heartRate: "70" });
    const second = await clinic.callAs(role, recordVitalsAction, { patientId: patient.id, heartRate: "150" });
    if (!first.ok || !second.ok) throw new Error("recording failed");

    const marked = await clinic.callAs(role, markVitalsEnteredInErrorAction, {
      vitalsId: second.data.id,
      reason: "Taken on the wrong patient",
    });
    expect(marked).toMatchObject({ ok: true });
    expect((await findLatestVitals({ db: clinic.db, patientId: patient.id }))?.id).toBe(first.data.id);
    expect(
      (await findVitalsTrend({ db: clinic.db, patientId: patient.id, measure: "heartRate" })).map(
        (p) => p.value,
      ),
    ).toEqual([70]);
    const history = await findVitalsHistory({ db: clinic.db, patientId: patient.id });
    expect(history.map((row) => row.enteredInErrorReason)).toEqual(["Taken on the wrong patient", null]);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "vitals.entered-in-error", targetId: patient.id },
    });
    expect(audit.details).toEqual({ vitalsId: second.data.id });

    const again = await clinic.callAs(role, markVitalsEnteredInErrorAction, {
      vitalsId: second.data.id,
      reason: "Twice",
    });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe.each(rolesWithout("vitals.record"))("a %s, who does not record vitals", (role) => {
  it("may not record or mark vitals, and nothing is written", async () => {
    const patient = await newPatient();
    const set = await clinic.db.vitalSigns.create({
      data: { patientId: patient.id, takenAt: new Date(), recordedById: clinic.members.NURSE.id, spo2: 97 },
    });
    const before = await counts();
    expect(await clinic.callAs(role, recordVitalsAction, { patientId: patient.id, heartRate: "70" })).toEqual(
      ROLE_REFUSED,
    );
    expect(
      await clinic.callAs(role, markVitalsEnteredInErrorAction, {
        vitalsId: set.id,
        reason: "Wrong patient",
      }),
    ).toEqual(ROLE_REFUSED);
    expect(await counts()).toEqual(before);
    expect(
      (await clinic.db.vitalSigns.findUniqueOrThrow({ where: { id: set.id } })).enteredInErrorAt,
    ).toBeNull();
  });
});

describe("recording vitals", () => {
  it("keeps 70.5 in as 70.5 in, charted as 179.07 cm", async () => {
    const patient = await newPatient();
    const result = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      heightValue: "70.5",
      heightUnit: "[in_i]",
    });
    if (!result.ok) throw new Error(result.error.message);
    const row = await clinic.db.vitalSigns.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(`${formatEntered(row.heightValue)} ${row.heightUnit}`).toBe("70.5 [in_i]");
    expect(row.heightCm).toBeCloseTo(179.07, 10);
    expect(await findVitalsTrend({ db: clinic.db, patientId: patient.id, measure: "height" })).toEqual([
      { takenAt: row.takenAt, value: row.heightCm },
    ]);
  });

  it("works out the BMI from the latest recorded height when the set has only a weight", async () => {
    const patient = await newPatient();
    await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      heightValue: "175",
      heightUnit: "cm",
      takenAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const result = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      weightValue: "70",
      weightUnit: "kg",
    });
    expect(result).toMatchObject({ ok: true, data: { bmi: 22.9 } });
  });

  it("records a set in a visit of that patient, and refuses another patient's visit, writing nothing", async () => {
    const patient = await newPatient();
    const visit = await newVisit(patient.id);
    const inVisit = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      visitId: visit.id,
      spo2: "98",
    });
    expect(inVisit).toMatchObject({ ok: true, data: { visitId: visit.id } });
    await clinic.callAs("NURSE", recordVitalsAction, { patientId: patient.id, spo2: "96" });
    // The visit page's panel shows that visit's sets only.
    const panel = await findVisitVitals({ db: clinic.db, patientId: patient.id, visitId: visit.id });
    expect(panel.map((row) => row.spo2)).toEqual([98]);

    const someoneElse = await newPatient();
    const before = await counts();
    const refused = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: someoneElse.id,
      visitId: visit.id,
      spo2: "98",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses another clinic's patient as not found", async () => {
    const foreign = await newPatient("1980-05-05", other.db);
    const before = await counts();
    expect(
      await clinic.callAs("NURSE", recordVitalsAction, { patientId: foreign.id, heartRate: "70" }),
    ).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", message: "No such patient in this clinic." },
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ spo2: "140" }, "spo2", "Oxygen saturation cannot be above 100 %."],
    [{ systolic: "80", diastolic: "90" }, "diastolic", "The diastolic pressure must be below the systolic."],
    [{ heightValue: "2", heightUnit: "cm" }, "heightValue", "Height cannot be below 20 cm."],
    [{ weightValue: "900", weightUnit: "kg" }, "weightValue", "Weight cannot be above 650 kg."],
    [
      { temperatureValue: "99", temperatureUnit: "Cel" },
      "temperatureValue",
      "Temperature cannot be above 45 °C.",
    ],
    [{ heartRate: "0" }, "heartRate", "Heart rate cannot be below 20/min."],
    [{ respiratoryRate: "200" }, "respiratoryRate", "Breathing rate cannot be above 120/min."],
    [{ painScore: "12" }, "painScore", "Pain score is a whole number from 0 to 10."],
    [{}, "form", "Enter at least one measurement."],
  ])("refuses %j with its field message, writing nothing", async (input, field, message) => {
    const patient = await newPatient();
    const before = await counts();
    const result = await clinic.callAs("NURSE", recordVitalsAction, { patientId: patient.id, ...input });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID", fields: { [field]: message } } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a weight that, with the latest height, gives an impossible BMI", async () => {
    const patient = await newPatient("2026-11-01");
    await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      heightValue: "21",
      heightUnit: "cm",
    });
    const before = await counts();
    const result = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      weightValue: "600",
      weightUnit: "kg",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { weightValue: expect.stringContaining("check the weight and the height") },
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses vitals taken before the patient was born", async () => {
    const patient = await newPatient("2026-01-10");
    const result = await clinic.callAs("NURSE", recordVitalsAction, {
      patientId: patient.id,
      heartRate: "140",
      takenAt: "2025-12-01T10:00:00Z",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { takenAt: expect.any(String) } },
    });
  });
});

describe("the clinic's units for vitals and upload limit", () => {
  it("saves US units and a 5 MB limit, audited by field name", async () => {
    const result = await clinic.callAs("OWNER", updateClinicSettingsAction, {
      name: "Vitals Clinic",
      timezone: "UTC",
      currency: "USD",
      unitSystem: "US",
      maxUploadMb: "5",
    });
    expect(result).toMatchObject({ ok: true, data: { unitSystem: "US", maxUploadMb: 5 } });
    expect(await findClinicSettings({ db: clinic.db })).toMatchObject({ unitSystem: "US", maxUploadMb: 5 });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "clinic-settings.updated" },
      orderBy: { at: "desc" },
    });
    expect(String((audit.details as { changed: string }).changed)).toMatch(/unitSystem.*maxUploadMb/);
  });

  it.each([
    [{ maxUploadMb: "11" }, "maxUploadMb", "Choose a whole number of megabytes from 1 to 10."],
    [{ maxUploadMb: "0" }, "maxUploadMb", "Choose a whole number of megabytes from 1 to 10."],
    [{ maxUploadMb: "2.5" }, "maxUploadMb", "Choose a whole number of megabytes from 1 to 10."],
    [{ unitSystem: "IMPERIAL" }, "unitSystem", "Choose metric or US units for vitals."],
  ])("refuses %j", async (input, field, message) => {
    const before = await findClinicSettings({ db: clinic.db });
    const result = await clinic.callAs("OWNER", updateClinicSettingsAction, {
      name: before.name,
      timezone: "UTC",
      currency: "USD",
      ...input,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID", fields: { [field]: message } } });
    expect(await findClinicSettings({ db: clinic.db })).toEqual(before);
  });
});
