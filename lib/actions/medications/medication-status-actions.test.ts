import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMedicationList } from "@/lib/clinical/medications/medication-list";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { AMOXICILLIN_CAPSULES } from "@/lib/testing/sample-lines";
import { rowsOf } from "@/lib/testing/sample-rows";
import { createSignedLine, createSignedPrescription } from "@/lib/testing/signed-prescriptions";
import type { PrescriptionLineValues } from "@/lib/validations/prescriptions";
import { completeMedicationAction } from "./complete-medication";
import { stopMedicationAction } from "./stop-medication";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "medstatus" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const newPatient = () => rowsOf(clinic.db).patient();

/** A signed prescription of the fixture's doctor with one ACTIVE line (changed by `lines`). */
const signedLine = (lines?: Partial<PrescriptionLineValues>[]) =>
  createSignedLine(clinic.db, { prescriberId: clinic.members.DOCTOR.id, lines });

const lineNow = (id: string) => clinic.db.prescriptionLine.findUniqueOrThrow({ where: { id } });

describe("stopping and completing a prescribed medication", () => {
  it("stops an active line with the reason, who and when, audited without the medicine's name", async () => {
    const { patientId, prescription, line } = await signedLine();

    dataOf(
      await clinic.callAs("DOCTOR", stopMedicationAction, { lineId: line.id, reason: "Rash on the arms" }),
    );

    expect(await lineNow(line.id)).toMatchObject({
      status: "STOPPED",
      statusReason: "Rash on the arms",
      statusChangedById: clinic.members.DOCTOR.id,
      statusChangedAt: expect.any(Date),
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "medication.stopped", targetId: patientId },
    });
    expect(audit.details).toEqual({
      lineId: line.id,
      prescriptionId: prescription.id,
      number: prescription.number,
    });
    expect(JSON.stringify(audit)).not.toMatch(/Amoxicillin|Rash/);
    const list = await findMedicationList({ db: clinic.db, patientId });
    expect(list.current).toEqual([]);
    expect(list.past).toMatchObject([
      { id: line.id, status: "STOPPED", statusChangedByName: clinic.members.DOCTOR.name },
    ]);
  });

  it("requires a reason to stop", async () => {
    const { line } = await signedLine();

    const refused = await clinic.callAs("DOCTOR", stopMedicationAction, { lineId: line.id, reason: "  " });

    expect(refused).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { reason: expect.stringMatching(/Say why/) } },
    });
    expect(await lineNow(line.id)).toMatchObject({ status: "ACTIVE" });
  });

  it("completes an active line by the doctor, and then refuses to stop or complete it again", async () => {
    const { line } = await signedLine();

    dataOf(await clinic.callAs("DOCTOR", completeMedicationAction, { lineId: line.id }));
    expect(await lineNow(line.id)).toMatchObject({
      status: "COMPLETED",
      statusChangedById: clinic.members.DOCTOR.id,
    });

    expect(
      await clinic.callAs("DOCTOR", stopMedicationAction, { lineId: line.id, reason: "Late" }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /already completed/ },
    });
    expect(await clinic.callAs("DOCTOR", completeMedicationAction, { lineId: line.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /already completed/ },
    });
  });

  it("refuses a line whose course already ended, completing it by itself instead", async () => {
    const ended = await signedLine();
    // Signed eight days ago: the 7-day course ended yesterday, but no list was opened since.
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const old = await createSignedPrescription(clinic.db, {
      patientId: ended.patientId,
      signedAt: eightDaysAgo,
    });
    const oldLine = old.lines[0] as (typeof old.lines)[number];

    const refused = await clinic.callAs("DOCTOR", stopMedicationAction, {
      lineId: oldLine.id,
      reason: "Rash",
    });

    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: /already completed/ } });
    expect(await lineNow(oldLine.id)).toMatchObject({ status: "COMPLETED", statusChangedById: null });
  });

  it("refuses a line of a draft, of a cancelled prescription, and one entered in error, in words", async () => {
    const patient = await newPatient();
    const draft = await clinic.db.prescription.create({
      data: {
        patientId: patient.id,
        prescriberId: clinic.members.DOCTOR.id,
        locationId: (await rowsOf(clinic.db).location()).id,
        lines: { create: { ...AMOXICILLIN_CAPSULES, patientId: patient.id, position: 0 } },
      },
      include: { lines: true },
    });
    const cancelled = await signedLine();
    await clinic.db.prescriptionLine.update({
      where: { id: cancelled.line.id },
      data: { status: "CANCELLED", statusReason: "Wrong dose" },
    });
    await clinic.db.prescription.update({
      where: { id: cancelled.prescription.id },
      data: { status: "CANCELLED", statusReason: "Wrong dose" },
    });
    const wrong = await signedLine();
    await clinic.db.prescriptionLine.update({
      where: { id: wrong.line.id },
      data: { status: "ENTERED_IN_ERROR", statusReason: "Wrong patient" },
    });

    const stop = (lineId: string) =>
      clinic.callAs("DOCTOR", stopMedicationAction, { lineId, reason: "Rash" });
    expect(await stop(draft.lines[0]?.id ?? "")).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /not signed yet/ },
    });
    expect(await stop(cancelled.line.id)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /was cancelled/ },
    });
    expect(await stop(wrong.line.id)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /entered in error/ },
    });
  });

  it("says a conflict in words when the database refuses a change to a signed line", async () => {
    const { line } = await signedLine();
    const { lockAware } = await import("@/lib/clinical/medications/line-status");

    await expect(
      lockAware(() =>
        clinic.db.prescriptionLine.update({ where: { id: line.id }, data: { quantity: "42" } }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /only a medication's status can change/ });
  });
});
