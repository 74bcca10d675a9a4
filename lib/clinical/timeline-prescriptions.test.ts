import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClinicFixture, createClinicFixture } from "../testing/clinic-fixture";
import { AMOXICILLIN_CAPSULES } from "../testing/sample-lines";
import { rowsOf } from "../testing/sample-rows";
import { createSignedPrescription } from "../testing/signed-prescriptions";
import { findTimeline } from "./timeline";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "rxline" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const timeline = (patientId: string, includeEnteredInError = false) =>
  findTimeline({ db: clinic.db, patientId, includeClinicalDocuments: true, includeEnteredInError });

describe("prescriptions in the timeline", () => {
  it("shows a signed prescription when it was signed, with its number, medicines and prescriber; never a draft", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const signedAt = new Date("2026-10-01T09:30:00Z");
    const { prescription } = await createSignedPrescription(clinic.db, {
      patientId: patient.id,
      prescriberId: clinic.members.DOCTOR.id,
      signedAt,
      lines: [{}, { medicationName: "Paracetamol" }],
    });
    await clinic.db.prescription.create({
      data: {
        patientId: patient.id,
        prescriberId: clinic.members.DOCTOR.id,
        locationId: prescription.locationId,
        lines: { create: { ...AMOXICILLIN_CAPSULES, patientId: patient.id, position: 0 } },
      },
    });

    const { entries } = await timeline(patient.id);

    expect(entries).toEqual([
      {
        kind: "prescription",
        id: prescription.id,
        at: signedAt,
        visitId: null,
        enteredInError: false,
        number: prescription.number,
        prescriber: clinic.members.DOCTOR.name,
        status: "SIGNED",
        medicines: ["Amoxicillin", "Paracetamol"],
      },
    ]);
  });

  it("leaves out one entered in error unless asked for", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const { prescription, lines } = await createSignedPrescription(clinic.db, { patientId: patient.id });
    await clinic.db.prescriptionLine.update({
      where: { id: lines[0]?.id },
      data: { status: "ENTERED_IN_ERROR", statusReason: "Wrong patient" },
    });
    await clinic.db.prescription.update({
      where: { id: prescription.id },
      data: { status: "ENTERED_IN_ERROR", statusReason: "Wrong patient" },
    });

    expect((await timeline(patient.id)).entries).toEqual([]);
    expect((await timeline(patient.id, true)).entries).toMatchObject([
      { kind: "prescription", enteredInError: true },
    ]);
  });
});
