import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { sampleLine } from "@/lib/testing/sample-lines";
import { rowsOf } from "@/lib/testing/sample-rows";
import { prescriptionRowsOf } from "@/lib/testing/samples/prescriptions";
import { savePrescriptionDraftAction } from "./save-prescription-draft";
import { signPrescriptionAction } from "./sign-prescription";
import { startPrescriptionAction } from "./start-prescription";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "rxacts" });
  other = await clinic.addClinic("rxacts-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

const doctor = () => clinic.members.DOCTOR;
const rx = () => prescriptionRowsOf(clinic.db);

/** A draft of the fixture's doctor, as the editor would send it back. */
const ownDraft = (patientId?: string) => rx().editorDraft({ prescriberId: doctor().id, patientId });

const rowCounts = async () => ({
  prescriptions: await clinic.db.prescription.count(),
  lines: await clinic.db.prescriptionLine.count(),
  audits: await clinic.db.auditEvent.count(),
});

describe("starting a prescription from a visit", () => {
  it("makes an empty draft of the signed-in doctor for the visit's patient at its location", async () => {
    const patient = await rx().patient();
    const location = await rowsOf(clinic.db).location();
    const visit = await clinic.db.visit.create({
      data: { patientId: patient.id, doctorId: doctor().id, locationId: location.id, reason: "Cough" },
    });

    const { prescriptionId } = dataOf(
      await clinic.callAs("DOCTOR", startPrescriptionAction, { visitId: visit.id }),
    );

    expect(await clinic.db.prescription.findUniqueOrThrow({ where: { id: prescriptionId } })).toMatchObject({
      patientId: patient.id,
      visitId: visit.id,
      prescriberId: doctor().id,
      locationId: location.id,
      status: "DRAFT",
      number: null,
    });
  });

  it("refuses a visit whose appointment was cancelled, and another clinic's visit, writing nothing", async () => {
    const appointment = await rowsOf(clinic.db).appointment({ doctorId: doctor().id });
    await clinic.db.appointment.update({ where: { id: appointment.id }, data: { status: "CANCELLED" } });
    const visit = await clinic.db.visit.create({
      data: {
        patientId: appointment.patientId,
        doctorId: doctor().id,
        locationId: appointment.locationId,
        appointmentId: appointment.id,
        reason: "Booked",
      },
    });
    const foreign = await other.db.visit.create({
      data: {
        patientId: (await rowsOf(other.db).patient()).id,
        doctorId: (await rowsOf(other.db).doctor()).id,
        locationId: (await rowsOf(other.db).location()).id,
        reason: "Elsewhere",
      },
    });
    const before = await rowCounts();

    expect(await clinic.callAs("DOCTOR", startPrescriptionAction, { visitId: visit.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("cancelled or missed") },
    });
    expect(await clinic.callAs("DOCTOR", startPrescriptionAction, { visitId: foreign.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("saving a draft", () => {
  it("gives a field message for every missing or malformed part of a line, writing nothing", async () => {
    const draft = await ownDraft();
    const before = await rowCounts();
    const bad = [
      { ...sampleLine(), medicationName: " ", doseAmount: "two", doseUnit: "", quantity: "0" },
      { ...sampleLine("Methotrexate"), frequency: "ONCE_WEEKLY", durationValue: 4, durationUnit: "" },
      { ...sampleLine("Ibuprofen"), frequency: "AS_NEEDED", refills: -1, controlled: true },
      { ...sampleLine("Salbutamol"), frequency: "EVERY_N_HOURS", quantityUnit: "" },
    ];

    const result = await clinic.callAs("DOCTOR", savePrescriptionDraftAction, { ...draft, lines: bad });

    expect(result).toMatchObject({ ok: false, error: { code: "INVALID" } });
    expect(result.ok ? {} : result.error.fields).toEqual({
      "lines.0.medicationName": "Enter the medication, e.g. amoxicillin.",
      "lines.0.doseAmount": "Write the dose as a number, e.g. 2 or 0.5.",
      "lines.0.doseUnit": "Enter the dose's unit, e.g. tablet or ml.",
      "lines.0.quantity": "The quantity must be more than 0.",
      "lines.1.weekday": "Choose the day of the week it is taken.",
      "lines.1.durationUnit": "Choose days, weeks or months for the duration.",
      "lines.2.refills": "Refills cannot be negative.",
      "lines.2.asNeededFor": "Say what it is taken for when needed, e.g. pain.",
      "lines.2.controlled":
        "Controlled drugs cannot be prescribed here yet: write this one on your controlled-drug prescription pad.",
      "lines.3.everyHours": "Enter the hours between doses, from 1 to 72.",
      "lines.3.quantityUnit": "Enter what the quantity counts, e.g. tablets.",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses the same medicine twice on one prescription, on the second line", async () => {
    const draft = await ownDraft();
    const result = await clinic.callAs("DOCTOR", savePrescriptionDraftAction, {
      ...draft,
      lines: [sampleLine("Amoxicillin"), { ...sampleLine("AMOXICILLIN "), strength: "250 mg" }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: { "lines.1.medicationName": expect.stringContaining("already on this prescription") },
      },
    });
  });

  it("saves the lines, moves the version on, and refuses a save from the old version", async () => {
    const draft = await ownDraft();
    const saved = dataOf(
      await clinic.callAs("DOCTOR", savePrescriptionDraftAction, {
        ...draft,
        lines: [sampleLine("Cetirizine"), sampleLine("Omeprazole")],
      }),
    );

    expect(saved.revision).not.toBe(draft.revision);
    expect(saved.warnings).toEqual([[], []]);
    const lines = await clinic.db.prescriptionLine.findMany({
      where: { prescriptionId: draft.prescriptionId },
      orderBy: { position: "asc" },
    });
    expect(lines.map((line) => line.medicationName)).toEqual(["Cetirizine", "Omeprazole"]);
    expect(
      await clinic.callAs("DOCTOR", savePrescriptionDraftAction, { ...draft, lines: [sampleLine()] }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("another tab") },
    });
  });

  it("lets only the doctor who started the draft change it", async () => {
    const draft = await ownDraft();
    const colleague = await clinic.addMember("DOCTOR");
    expect(
      await clinic.callAs(colleague, savePrescriptionDraftAction, { ...draft, lines: [sampleLine()] }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("checks before signing", () => {
  it("warns of a drug allergy by name, refuses to sign without a reason, and keeps the reason once given", async () => {
    const patient = await rx().patient();
    await clinic.db.allergy.create({
      data: { patientId: patient.id, substance: "Codéine", category: "DRUG", recordedById: doctor().id },
    });
    const draft = await ownDraft(patient.id);
    const lines = [sampleLine("Paracetamol + codeine"), sampleLine("Cetirizine")];
    const before = await rowCounts();

    const refused = await clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines });

    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        fields: { "overrideReasons.0": expect.stringContaining("Name match only") },
      },
    });
    expect(refused.ok ? {} : refused.error.fields).not.toHaveProperty("overrideReasons.1");
    expect(await rowCounts()).toEqual(before);

    const signed = dataOf(
      await clinic.callAs("DOCTOR", signPrescriptionAction, {
        ...draft,
        lines,
        overrideReasons: ["Tolerated codeine last year; reaction was nausea only", ""],
      }),
    );
    const saved = await clinic.db.prescriptionLine.findMany({
      where: { prescriptionId: draft.prescriptionId },
      orderBy: { position: "asc" },
    });
    expect(saved[0]).toMatchObject({
      overrideReason: "Tolerated codeine last year; reaction was nausea only",
      warnings: [{ kind: "ALLERGY", message: expect.stringContaining("Codéine") }],
    });
    expect(saved[1]).toMatchObject({ overrideReason: null, warnings: [] });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { targetId: draft.prescriptionId, action: "prescription.signed" },
    });
    expect(audit.details).toMatchObject({
      number: signed.number,
      overrides: 1,
      overriddenWarnings: "ALLERGY",
    });
  });

  it("warns when allergies are not recorded, and not for a refuted allergy's name", async () => {
    const created = await rowsOf(clinic.db).patient();
    await clinic.db.allergy.create({
      data: {
        patientId: created.id,
        substance: "Amoxicillin",
        category: "DRUG",
        verification: "REFUTED",
        recordedById: doctor().id,
      },
    });
    const draft = await ownDraft(created.id);
    const { warnings } = dataOf(
      await clinic.callAs("DOCTOR", savePrescriptionDraftAction, {
        ...draft,
        lines: [sampleLine("Amoxicillin")],
      }),
    );
    expect(warnings).toEqual([
      [{ kind: "ALLERGIES_NOT_RECORDED", message: expect.stringContaining("not recorded") }],
    ]);
  });

  it("warns of a medicine already active on another prescription or reported, not of completed or stopped ones", async () => {
    const patient = await rx().patient();
    // The patient's history: three medicines signed, then one stopped and one completed.
    const history = await ownDraft(patient.id);
    dataOf(
      await clinic.callAs("DOCTOR", signPrescriptionAction, {
        ...history,
        lines: [sampleLine("Metformin"), sampleLine("Ramipril"), sampleLine("Amoxicillin")],
      }),
    );
    const ended = { prescriptionId: history.prescriptionId };
    await clinic.db.prescriptionLine.updateMany({
      where: { ...ended, medicationName: "Ramipril" },
      data: { status: "STOPPED", statusReason: "Cough" },
    });
    await clinic.db.prescriptionLine.updateMany({
      where: { ...ended, medicationName: "Amoxicillin" },
      data: { status: "COMPLETED" },
    });
    await clinic.db.reportedMedication.create({
      data: { patientId: patient.id, name: "Atorvastatin", recordedById: doctor().id },
    });

    const draft = await ownDraft(patient.id);
    const { warnings } = dataOf(
      await clinic.callAs("DOCTOR", savePrescriptionDraftAction, {
        ...draft,
        lines: [
          sampleLine("metformin"),
          sampleLine("Ramipril"),
          sampleLine("Amoxicillin"),
          sampleLine("Atorvastatin"),
          sampleLine("Cetirizine"),
        ],
      }),
    );
    expect(warnings.map((found) => found.map((warning) => warning.kind))).toEqual([
      ["DUPLICATE"],
      [],
      [],
      ["DUPLICATE"],
      [],
    ]);
    expect(warnings[0]?.[0]?.message).toMatch(/Metformin on an active prescription \(RX-\d{6}\)/);
  });
});
