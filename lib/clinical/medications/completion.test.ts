import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { rowsOf } from "@/lib/testing/sample-rows";
import { createSignedPrescription } from "@/lib/testing/signed-prescriptions";
import { completeEndedMedications } from "./completion";
import { findMedicationList } from "./medication-list";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "course" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const DAY = 86_400_000;
const day0 = new Date("2026-11-02T10:00:00Z");
const onDay = (days: number) => new Date(day0.getTime() + days * DAY);

async function signedLine(wanted: Parameters<typeof createSignedPrescription>[1]["lines"] = [{}]) {
  const patient = await rowsOf(clinic.db).patient();
  const { lines } = await createSignedPrescription(clinic.db, {
    patientId: patient.id,
    prescriberId: clinic.members.DOCTOR.id,
    lines: wanted,
    signedAt: day0,
  });
  return { patientId: patient.id, line: lines[0] as (typeof lines)[number] };
}

const statusOf = (id: string) => clinic.db.prescriptionLine.findUniqueOrThrow({ where: { id } });

describe("automatic completion at the end of a course", () => {
  it("keeps a 7-day course active on day 6 and completes it by the sweep on day 8, as of its end and by nobody", async () => {
    const { patientId, line } = await signedLine([{ durationValue: 7, durationUnit: "DAY" }]);

    await completeEndedMedications({ db: clinic.db, now: onDay(6), patientId });
    expect(await statusOf(line.id)).toMatchObject({ status: "ACTIVE", statusChangedAt: null });

    expect(await completeEndedMedications({ db: clinic.db, now: onDay(8), patientId })).toBe(1);
    expect(await statusOf(line.id)).toMatchObject({
      status: "COMPLETED",
      statusChangedAt: onDay(7),
      statusChangedById: null,
      statusReason: null,
    });
  });

  it("never completes a line without a duration", async () => {
    const { line } = await signedLine([{ durationValue: null, durationUnit: null, frequency: "ONCE_DAILY" }]);

    await completeEndedMedications({ db: clinic.db, now: onDay(3650) });

    expect(await statusOf(line.id)).toMatchObject({ status: "ACTIVE", endsAt: null });
  });

  it("counts refills in the course: 7 days with one refill is still taken on day 8 and done by day 15", async () => {
    const { patientId, line } = await signedLine([{ durationValue: 7, durationUnit: "DAY", refills: 1 }]);

    await completeEndedMedications({ db: clinic.db, now: onDay(8), patientId });
    expect(await statusOf(line.id)).toMatchObject({ status: "ACTIVE" });

    await completeEndedMedications({ db: clinic.db, now: onDay(15), patientId });
    expect(await statusOf(line.id)).toMatchObject({ status: "COMPLETED", statusChangedAt: onDay(14) });
  });

  it("leaves stopped lines and other patients' courses alone when narrowed to one patient", async () => {
    const mine = await signedLine();
    const theirs = await signedLine();
    await clinic.db.prescriptionLine.update({
      where: { id: mine.line.id },
      data: { status: "STOPPED", statusReason: "Rash", statusChangedAt: onDay(2) },
    });

    await completeEndedMedications({ db: clinic.db, now: onDay(30), patientId: mine.patientId });

    expect(await statusOf(mine.line.id)).toMatchObject({ status: "STOPPED", statusReason: "Rash" });
    expect(await statusOf(theirs.line.id)).toMatchObject({ status: "ACTIVE" });
  });
});

describe("the medication list", () => {
  it("lists a course as current during it and under past medications, completed automatically, after it", async () => {
    const { patientId, line } = await signedLine([
      {},
      { medicationName: "Paracetamol", durationValue: null, durationUnit: null },
    ]);

    const during = await findMedicationList({ db: clinic.db, patientId, now: onDay(3) });
    expect(during.current.map((item) => item.line.medicationName)).toEqual(["Amoxicillin", "Paracetamol"]);
    expect(during.current[0]).toMatchObject({
      number: expect.stringMatching(/^RX-\d{6}$/),
      prescriberName: clinic.members.DOCTOR.name,
      endsAt: onDay(7),
    });
    expect(during.past).toEqual([]);

    const after = await findMedicationList({ db: clinic.db, patientId, now: onDay(9) });
    expect(after.current.map((item) => item.line.medicationName)).toEqual(["Paracetamol"]);
    expect(after.past).toMatchObject([
      { id: line.id, status: "COMPLETED", statusChangedAt: onDay(7), statusChangedByName: null },
    ]);
  });

  it("keeps drafts out, and lists reported medicines by whether the patient still takes them", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const draft = await clinic.db.prescription.create({
      data: {
        patientId: patient.id,
        prescriberId: clinic.members.DOCTOR.id,
        locationId: (await rowsOf(clinic.db).location()).id,
        lines: {
          create: {
            patientId: patient.id,
            position: 0,
            medicationName: "Draft only",
            doseAmount: "1",
            doseUnit: "tablet",
            frequency: "ONCE_DAILY",
            quantity: "28",
            quantityUnit: "tablets",
          },
        },
      },
    });
    const recordedById = clinic.members.NURSE.id;
    await clinic.db.reportedMedication.createMany({
      data: [
        { patientId: patient.id, name: "Ibuprofen", dose: "200 mg", recordedById },
        {
          patientId: patient.id,
          name: "Vitamin D",
          status: "STOPPED",
          statusReason: "Ran out",
          recordedById,
        },
      ],
    });

    const list = await findMedicationList({ db: clinic.db, patientId: patient.id });

    expect(draft.status).toBe("DRAFT");
    expect(list.current).toEqual([]);
    expect(list.past).toEqual([]);
    expect(list.currentReported).toMatchObject([
      { name: "Ibuprofen", dose: "200 mg", recordedByName: clinic.members.NURSE.name },
    ]);
    expect(list.pastReported).toMatchObject([
      { name: "Vitamin D", status: "STOPPED", statusReason: "Ran out" },
    ]);
  });
});
