import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-pipeline/result";
import type { PrintedFile } from "@/lib/documents/prints";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { pdfPageSizes, pdfText, renderPdfPng } from "@/lib/testing/pdf-text";
import { printableRowsOf } from "@/lib/testing/printable-rows";
import { AMOXICILLIN_SUSPENSION } from "@/lib/testing/sample-lines";
import { printPrescriptionAction } from "./print-prescription";
import { printReferralLetterAction } from "./print-referral-letter";
import { printSickNoteAction } from "./print-sick-note";
import { printVisitSummaryAction } from "./print-visit-summary";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({
    subdomain: "printing",
    name: "Maple Family Clinic",
    timezone: "Europe/London",
  });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const rows = () => printableRowsOf(clinic.db);

function fileOf(result: ActionResult<PrintedFile>): PrintedFile {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function logged(subjectId: string) {
  const [prints, audits] = await Promise.all([
    clinic.db.documentPrint.findMany({ where: { subjectId }, orderBy: { printedAt: "asc" } }),
    clinic.db.auditEvent.findMany({
      where: { action: "document.printed", targetId: subjectId },
      orderBy: { at: "asc" },
    }),
  ]);
  return { prints, audits };
}

describe("printing a prescription", () => {
  it("prints the signed prescription with the accented name, address, number and the line in words, logged once", async () => {
    const prescription = await rows().prescription();

    const file = fileOf(
      await clinic.callAs("RECEPTIONIST", printPrescriptionAction, { prescriptionId: prescription.id }),
    );

    const text = pdfText(file.bytes);
    expect(file.fileName).toBe(`${prescription.number}.pdf`);
    expect(text).toContain("Zoë Ångström-Núñez");
    expect(text).toContain("4 Rue de la Paix, Flat 2");
    expect(text).toContain(prescription.number);
    expect(text).toMatch(/RX-\d{6}/);
    expect(text).toContain("Amoxicillin 250 mg/5 ml oral suspension");
    expect(text).toContain("Take 5 ml by mouth three times a day for 7 days");
    expect(text).toContain("Supply: 100 (one hundred) ml · No refills");
    expect(text).toContain("Dr Amara Okafor");
    expect(text).toContain("(age 7 years)");
    expect(text).toContain("Page 1 of 1");
    expect(text).not.toContain("COPY");
    expect(await pdfPageSizes(file.bytes)).toEqual([[595.28, 841.89]]);
    const { prints, audits } = await logged(prescription.id);
    expect(prints).toMatchObject([{ kind: "PRESCRIPTION", patientId: prescription.patientId, copy: false }]);
    expect(audits.map((event) => event.details)).toEqual([
      {
        kind: "PRESCRIPTION",
        subjectId: prescription.id,
        patientId: prescription.patientId,
        copy: false,
        number: prescription.number,
      },
    ]);
    renderPdfPng(file.bytes, "prescription");
  });

  it("marks a reprint COPY with when and by whom, and logs it as a copy", async () => {
    const prescription = await rows().prescription();
    await clinic.callAs("DOCTOR", printPrescriptionAction, { prescriptionId: prescription.id });

    const again = fileOf(
      await clinic.callAs("RECEPTIONIST", printPrescriptionAction, { prescriptionId: prescription.id }),
    );

    const text = pdfText(again.bytes);
    expect(text).toContain("COPY");
    expect(text).toMatch(
      new RegExp(`Copy printed \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} by ${clinic.members.RECEPTIONIST.name}`),
    );
    expect((await logged(prescription.id)).prints.map((print) => print.copy)).toEqual([false, true]);
    renderPdfPng(again.bytes, "prescription-copy");
  });

  it("lets only one of two prints at the same moment be the original", async () => {
    const prescription = await rows().prescription();
    const input = { prescriptionId: prescription.id };

    const both = await Promise.all([
      clinic.callAs("RECEPTIONIST", printPrescriptionAction, input),
      clinic.callAs("NURSE", printPrescriptionAction, input),
    ]);

    const copies = both.map((result) => pdfText(fileOf(result).bytes).includes("COPY"));
    expect(copies.sort()).toEqual([false, true]);
    expect((await logged(prescription.id)).prints.map((print) => print.copy).sort()).toEqual([false, true]);
  });

  it("prints the addresses fixed at signing on the paper size then, not today's", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { paperSize: "LETTER", country: "UK" } });
    const prescription = await rows().prescription();
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { paperSize: "A4", country: "GENERIC" } });
    await clinic.db.patient.update({
      where: { id: prescription.patientId },
      data: { address: "1 New Road" },
    });
    await clinic.db.location.update({
      where: { id: prescription.locationId },
      data: { phone: "+44 20 0000 0000" },
    });

    const file = fileOf(
      await clinic.callAs("RECEPTIONIST", printPrescriptionAction, { prescriptionId: prescription.id }),
    );

    const text = pdfText(file.bytes);
    expect(text).toContain("4 Rue de la Paix, Flat 2");
    expect(text).not.toContain("1 New Road");
    expect(text).toContain("+44 113 496 0000");
    expect(text).toContain("GMC no.");
    expect(text).toContain("Private prescription. Valid for 6 months");
    expect(await pdfPageSizes(file.bytes)).toEqual([[612, 792]]);
  });

  it("breaks a long prescription over pages, with its number and page count on each", async () => {
    const lines = Array.from({ length: 12 }, (_, index) => ({
      ...AMOXICILLIN_SUSPENSION,
      medicationName: `Medicine ${index + 1}`,
      instructions: "Take with food. Do not drive if it makes you drowsy. Keep out of the reach of children.",
    }));
    const prescription = await rows().prescription({ lines });

    const file = fileOf(
      await clinic.callAs("DOCTOR", printPrescriptionAction, { prescriptionId: prescription.id }),
    );

    const pages = pdfText(file.bytes)
      .split("\f")
      .filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Prescription ${prescription.number}`);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages.at(-1)).toContain("Medicine 12");
    renderPdfPng(file.bytes, "prescription-long");
  });

  it.each([
    ["a draft", { status: "DRAFT" as const }, "not signed yet"],
    ["a cancelled one", { status: "CANCELLED" as const }, "cancelled"],
    ["one entered in error", { status: "ENTERED_IN_ERROR" as const }, "entered in error"],
    ["one with a stopped medicine", { lineStatus: "STOPPED" as const }, "stopped"],
  ])("refuses %s and logs nothing", async (_name, options, words) => {
    const prescription = await rows().prescription(options);

    const result = await clinic.callAs("RECEPTIONIST", printPrescriptionAction, {
      prescriptionId: prescription.id,
    });

    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(result.ok ? "" : result.error.message).toContain(words);
    expect(await logged(prescription.id)).toEqual({ prints: [], audits: [] });
  });
});

describe("printing a visit summary", () => {
  it("shows the reason, vitals, diagnosis titles, the signed plan and the visit's prescriptions", async () => {
    const [patient, doctor, location] = await Promise.all([
      rows().patient(),
      rows().doctor(),
      rows().location(),
    ]);
    const visit = await clinic.db.visit.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        reason: "Cough and wheeze for a week",
      },
    });
    const at = { patientId: patient.id, visitId: visit.id };
    await clinic.db.vitalSigns.create({
      data: {
        ...at,
        takenAt: new Date(),
        recordedById: doctor.id,
        heartRate: 104,
        temperatureValue: 37.9,
        temperatureUnit: "Cel",
        temperatureC: 37.9,
        spo2: 96,
      },
    });
    await clinic.db.diagnosis.create({
      data: {
        ...at,
        codeSystem: "ICD-10-CM FY2026",
        code: "J20.9",
        title: "Acute bronchitis, unspecified",
        recordedById: doctor.id,
      },
    });
    await clinic.db.clinicalNote.create({
      data: {
        ...at,
        authorId: doctor.id,
        kind: "SOAP",
        status: "SIGNED",
        signedAt: new Date(),
        plan: "Salbutamol when wheezy; review in one week.",
      },
    });
    await clinic.db.clinicalNote.create({
      data: { ...at, authorId: doctor.id, kind: "TRIAGE", plan: "Draft thoughts not for the patient" },
    });
    await rows().prescription({
      patientId: patient.id,
      prescriberId: doctor.id,
      locationId: location.id,
      visitId: visit.id,
    });

    const file = fileOf(await clinic.callAs("RECEPTIONIST", printVisitSummaryAction, { visitId: visit.id }));

    const text = pdfText(file.bytes);
    for (const shown of [
      "Visit summary",
      "Zoë Ångström-Núñez",
      "Cough and wheeze for a week",
      "Pulse 104 /min",
      "Acute bronchitis, unspecified",
      "Salbutamol when wheezy; review in one week.",
      "Take 5 ml by mouth three times a day for 7 days",
    ])
      expect(text).toContain(shown);
    expect(text).not.toContain("Draft thoughts");
    expect(text).not.toContain("J20.9");
    expect((await logged(visit.id)).prints).toMatchObject([{ kind: "VISIT_SUMMARY", copy: false }]);
    renderPdfPng(file.bytes, "visit-summary");
  });
});

describe("printing letters", () => {
  it("prints a sick note with the dates unfit for work and its text as written", async () => {
    const note = await rows().sickNote();

    const file = fileOf(await clinic.callAs("DOCTOR", printSickNoteAction, { sickNoteId: note.id }));

    const text = pdfText(file.bytes);
    expect(text).toContain("Zoë Ångström-Núñez");
    expect(text).toContain("From 30/11/2026 to 04/12/2026 inclusive (5 days)");
    expect(text).toContain("Because of acute bronchitis");
    renderPdfPng(file.bytes, "sick-note");
  });

  it("prints a referral letter with the recipient block and a Re: line", async () => {
    const letter = await rows().referralLetter();

    const file = fileOf(
      await clinic.callAs("DOCTOR", printReferralLetterAction, { referralLetterId: letter.id }),
    );

    const text = pdfText(file.bytes);
    expect(text).toContain("Dr Jonas Berg, Paediatric Respiratory Clinic");
    expect(text).toContain("Great George Street");
    const patient = await clinic.db.patient.findUniqueOrThrow({ where: { id: letter.patientId } });
    expect(text).toContain(`Re: Zoë Ångström-Núñez, born 05/05/2019, ${patient.mrn}`);
    expect(text).toContain("Relevant history");
    expect(text).toContain("Three episodes of wheeze since June");
    renderPdfPng(file.bytes, "referral-letter");
  });

  it("keeps letters to the roles that write them", async () => {
    const note = await rows().sickNote();

    const result = await clinic.callAs("RECEPTIONIST", printSickNoteAction, { sickNoteId: note.id });

    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await logged(note.id)).toEqual({ prints: [], audits: [] });
  });
});
