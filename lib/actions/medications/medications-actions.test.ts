import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMedicationList } from "@/lib/clinical/medications/medication-list";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { rowsOf } from "@/lib/testing/sample-rows";
import { createSignedLine } from "@/lib/testing/signed-prescriptions";
import type { PrescriptionLineValues } from "@/lib/validations/prescriptions";
import { completeMedicationAction } from "./complete-medication";
import { markReportedMedicationEnteredInErrorAction } from "./mark-reported-medication-entered-in-error";
import { recordReportedMedicationAction } from "./record-reported-medication";
import { represcribeMedicationAction } from "./represcribe-medication";
import { stopMedicationAction } from "./stop-medication";
import { stopReportedMedicationAction } from "./stop-reported-medication";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "meds" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const newPatient = () => rowsOf(clinic.db).patient();

/** A signed prescription of the fixture's doctor with one ACTIVE line (changed by `lines`). */
const signedLine = (lines?: Partial<PrescriptionLineValues>[]) =>
  createSignedLine(clinic.db, { prescriberId: clinic.members.DOCTOR.id, lines });

const lineNow = (id: string) => clinic.db.prescriptionLine.findUniqueOrThrow({ where: { id } });

describe("re-prescribing", () => {
  it("copies every field of the line into a new draft of the doctor's, without a visit, and leaves the original untouched", async () => {
    const { patientId, prescription, line } = await signedLine([
      {
        medicationName: "Salbutamol",
        strength: "100 micrograms",
        doseForm: "inhaler",
        route: "inhaled",
        doseAmount: "2",
        doseUnit: "puff",
        frequency: "AS_NEEDED",
        asNeededFor: "wheeze",
        durationValue: null,
        durationUnit: null,
        quantity: "1",
        quantityUnit: "inhaler",
        refills: 3,
        instructions: "Shake well.",
      },
    ]);
    const before = await lineNow(line.id);

    const { prescriptionId } = dataOf(
      await clinic.callAs("DOCTOR", represcribeMedicationAction, { lineId: line.id }),
    );

    const draft = await clinic.db.prescription.findUniqueOrThrow({
      where: { id: prescriptionId },
      include: { lines: true },
    });
    expect(draft).toMatchObject({
      status: "DRAFT",
      number: null,
      patientId,
      visitId: null,
      prescriberId: clinic.members.DOCTOR.id,
      locationId: prescription.locationId,
    });
    const copy = draft.lines[0];
    const copied = [
      "medicationName",
      "strength",
      "doseForm",
      "route",
      "doseAmount",
      "doseUnit",
      "frequency",
      "everyHours",
      "weekday",
      "asNeededFor",
      "durationValue",
      "durationUnit",
      "quantity",
      "quantityUnit",
      "refills",
      "instructions",
    ] as const;
    for (const field of copied) expect(copy?.[field], field).toEqual(before[field]);
    expect(copy).toMatchObject({ status: "DRAFT", startsAt: null, endsAt: null });
    expect(await lineNow(line.id)).toEqual(before);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "prescription.drafted", targetId: prescriptionId },
    });
    expect(audit.details).toMatchObject({ source: "re-prescribe", lines: 1, visitId: null });
  });

  it("re-prescribes a completed or stopped line, but not one entered in error", async () => {
    const completed = await signedLine();
    dataOf(await clinic.callAs("DOCTOR", completeMedicationAction, { lineId: completed.line.id }));
    const stopped = await signedLine();
    dataOf(
      await clinic.callAs("DOCTOR", stopMedicationAction, { lineId: stopped.line.id, reason: "Nausea" }),
    );
    const wrong = await signedLine();
    await clinic.db.prescriptionLine.update({
      where: { id: wrong.line.id },
      data: { status: "ENTERED_IN_ERROR", statusReason: "Wrong patient" },
    });

    expect(
      await clinic.callAs("DOCTOR", represcribeMedicationAction, { lineId: completed.line.id }),
    ).toMatchObject({ ok: true });
    expect(
      await clinic.callAs("DOCTOR", represcribeMedicationAction, { lineId: stopped.line.id }),
    ).toMatchObject({ ok: true });
    expect(
      await clinic.callAs("DOCTOR", represcribeMedicationAction, { lineId: wrong.line.id }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /cannot be prescribed again/ },
    });
  });
});

describe("medications the patient reports taking", () => {
  it("records one with what the patient knows, listed as current and audited without its name", async () => {
    const patient = await newPatient();

    const { id } = dataOf(
      await clinic.callAs("NURSE", recordReportedMedicationAction, {
        patientId: patient.id,
        name: "St John's wort",
        dose: "300 mg",
        frequency: "once a day",
        since: "2023-09",
        note: "Bought online",
      }),
    );

    const list = await findMedicationList({ db: clinic.db, patientId: patient.id });
    expect(list.currentReported).toMatchObject([
      {
        id,
        name: "St John's wort",
        dose: "300 mg",
        frequency: "once a day",
        since: "2023-09",
        note: "Bought online",
        recordedByName: clinic.members.NURSE.name,
      },
    ]);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "medication.reported", targetId: patient.id },
    });
    expect(audit.details).toEqual({ reportedMedicationId: id });
    expect(JSON.stringify(audit)).not.toMatch(/wort/);
  });

  it("needs the name, and a since that is a real past year, month or day", async () => {
    const patient = await newPatient();
    const record = (input: Record<string, unknown>) =>
      clinic.callAs("NURSE", recordReportedMedicationAction, { patientId: patient.id, ...input });

    expect(await record({ name: "" })).toMatchObject({
      ok: false,
      error: { fields: { name: "Enter the medicine, e.g. ibuprofen." } },
    });
    expect(await record({ name: "Iron", since: "last spring" })).toMatchObject({
      ok: false,
      error: { fields: { since: expect.stringMatching(/a year \(2019\)/) } },
    });
    expect(await record({ name: "Iron", since: "2099-01" })).toMatchObject({
      ok: false,
      error: { fields: { since: expect.stringMatching(/between 1900 and today/) } },
    });
    expect(await clinic.db.reportedMedication.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("stops one with the reason, then may still mark it entered in error, and nothing after that", async () => {
    const patient = await newPatient();
    const { id } = dataOf(
      await clinic.callAs("DOCTOR", recordReportedMedicationAction, { patientId: patient.id, name: "Iron" }),
    );

    dataOf(
      await clinic.callAs("NURSE", stopReportedMedicationAction, {
        reportedMedicationId: id,
        reason: "Levels normal",
      }),
    );
    expect(
      await clinic.callAs("NURSE", stopReportedMedicationAction, {
        reportedMedicationId: id,
        reason: "Again",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /already stopped/ },
    });
    dataOf(
      await clinic.callAs("NURSE", markReportedMedicationEnteredInErrorAction, {
        reportedMedicationId: id,
        reason: "Another patient's",
      }),
    );
    expect(
      await clinic.callAs("NURSE", markReportedMedicationEnteredInErrorAction, {
        reportedMedicationId: id,
        reason: "Again",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /can no longer change/ },
    });

    const list = await findMedicationList({ db: clinic.db, patientId: patient.id });
    expect(list.currentReported).toEqual([]);
    expect(list.pastReported).toMatchObject([
      { id, status: "ENTERED_IN_ERROR", statusReason: "Another patient's" },
    ]);
    const actions = await clinic.db.auditEvent.findMany({
      where: { targetId: patient.id, action: { startsWith: "reported-medication." } },
      orderBy: { at: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual([
      "reported-medication.stopped",
      "reported-medication.entered-in-error",
    ]);
  });
});

describe("who may", () => {
  it("lets only doctors stop, complete and re-prescribe", async () => {
    expect(rolesWith("prescriptions.write")).toEqual(["DOCTOR"]);
    for (const role of rolesWithout("prescriptions.write")) {
      const { line } = await signedLine();
      expect(await clinic.callAs(role, stopMedicationAction, { lineId: line.id, reason: "Rash" })).toEqual(
        ROLE_REFUSED,
      );
      expect(await clinic.callAs(role, completeMedicationAction, { lineId: line.id })).toEqual(ROLE_REFUSED);
      expect(await clinic.callAs(role, represcribeMedicationAction, { lineId: line.id })).toEqual(
        ROLE_REFUSED,
      );
      expect(await lineNow(line.id)).toMatchObject({ status: "ACTIVE" });
    }
  });

  it("lets nurses and doctors record reported medications; owners, managers, receptionists and billing may not", async () => {
    expect(rolesWith("medications.recordReported").sort()).toEqual(["DOCTOR", "NURSE"]);
    const patient = await newPatient();
    for (const role of rolesWithout("medications.recordReported"))
      expect(
        await clinic.callAs(role, recordReportedMedicationAction, { patientId: patient.id, name: "Iron" }),
      ).toEqual(ROLE_REFUSED);
    expect(await clinic.db.reportedMedication.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
