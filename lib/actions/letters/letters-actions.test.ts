import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLetterContext } from "@/lib/clinical/letters/letter-context";
import { findVisitLetters } from "@/lib/clinical/letters/visit-letters";
import { paperHeadingSchema } from "@/lib/documents/paper-heading";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { rowsOf } from "@/lib/testing/sample-rows";
import { clinicalRowsOf } from "@/lib/testing/samples/notes";
import { isoDayPlus } from "@/lib/validations/letters";
import { writeReferralLetterAction } from "./write-referral-letter";
import { writeSickNoteAction } from "./write-sick-note";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "letters" });
  other = await clinic.addClinic("letters-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

const doctor = () => clinic.members.DOCTOR;
const today = () => new Date().toISOString().slice(0, 10);

async function visitWithAddress(address = "1 Rue du Lac, Lyon") {
  const visit = await clinicalRowsOf(clinic.db).visit({ doctorId: doctor().id });
  await clinic.db.patient.update({ where: { id: visit.patientId }, data: { address } });
  return visit;
}

const sickNoteFor = (visit: { id: string; patientId: string }) => ({
  patientId: visit.patientId,
  visitId: visit.id,
  unfitFrom: today(),
  unfitTo: isoDayPlus(today(), 6),
  condition: "acute bronchitis",
  remarks: "",
  body: "In my opinion the patient is not fit for work for a week.",
});

const referralFor = (visit: { id: string; patientId: string }) => ({
  patientId: visit.patientId,
  visitId: visit.id,
  recipient: "Cardiology clinic, City Hospital",
  recipientAddress: "City Hospital, 2 Main Street",
  urgency: "SOON",
  reason: "Chest pain on exertion",
  history: "Active problems:\n- Essential hypertension (I10)",
  body: "Dear colleague,\n\nI would be grateful if you would see this patient soon.",
});

describe("writing a sick note", () => {
  it("keeps the text as confirmed and the heading as it was, lists it on the visit and audits it without the text", async () => {
    const visit = await visitWithAddress();
    const result = await clinic.callAs("DOCTOR", writeSickNoteAction, sickNoteFor(visit));
    if (!result.ok) throw new Error(result.error.message);

    await clinic.db.patient.update({
      where: { id: visit.patientId },
      data: { address: "9 New Road, Leeds" },
    });

    const note = await clinic.db.sickNote.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(note).toMatchObject({ authorId: doctor().id, visitId: visit.id, body: sickNoteFor(visit).body });
    const heading = paperHeadingSchema.parse(note.heading);
    expect(heading.patient.address).toBe("1 Rue du Lac, Lyon");
    expect(heading.author).toMatchObject({ id: doctor().id, kind: "Doctor" });
    expect(await findVisitLetters({ db: clinic.db, patientId: visit.patientId, visitId: visit.id })).toEqual([
      expect.objectContaining({
        kind: "sick-note",
        id: note.id,
        unfitFrom: today(),
        unfitTo: isoDayPlus(today(), 6),
      }),
    ]);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "sick-note.written", targetId: visit.patientId },
    });
    expect(audit.details).toEqual({
      patientId: visit.patientId,
      visitId: visit.id,
      sickNoteId: note.id,
      unfitFrom: today(),
      unfitTo: isoDayPlus(today(), 6),
      days: 7,
    });
  });

  it("is written once: the clinic's own role cannot change or delete it", async () => {
    const visit = await visitWithAddress();
    const result = await clinic.callAs("DOCTOR", writeSickNoteAction, sickNoteFor(visit));
    if (!result.ok) throw new Error(result.error.message);

    await expect(
      clinic.db.$executeRaw`UPDATE sick_notes SET body = 'Changed' WHERE id = ${result.data.id}::uuid`,
    ).rejects.toThrow(/CR001|written once/);
    await expect(clinic.db.sickNote.delete({ where: { id: result.data.id } })).rejects.toThrow(
      /written once/,
    );
  });

  it("refuses a first day more than 30 days back on the clinic's calendar", async () => {
    const visit = await visitWithAddress();
    const result = await clinic.callAs("DOCTOR", writeSickNoteAction, {
      ...sickNoteFor(visit),
      unfitFrom: isoDayPlus(today(), -45),
    });

    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { unfitFrom: expect.any(String) } },
    });
  });
});

describe("writing a referral letter", () => {
  it("keeps the recipient, reason, history and text, with the heading fixed at writing", async () => {
    const visit = await visitWithAddress();
    const result = await clinic.callAs("DOCTOR", writeReferralLetterAction, referralFor(visit));
    if (!result.ok) throw new Error(result.error.message);

    await clinic.db.patient.update({ where: { id: visit.patientId }, data: { address: null } });

    const letter = await clinic.db.referralLetter.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(letter).toMatchObject({
      recipient: "Cardiology clinic, City Hospital",
      recipientAddress: "City Hospital, 2 Main Street",
      reason: "Chest pain on exertion",
      history: "Active problems:\n- Essential hypertension (I10)",
    });
    expect(paperHeadingSchema.parse(letter.heading).patient.address).toBe("1 Rue du Lac, Lyon");
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "referral-letter.written", targetId: visit.patientId },
    });
    expect(audit.details).toEqual({
      patientId: visit.patientId,
      visitId: visit.id,
      referralLetterId: letter.id,
      urgency: "SOON",
    });
    await expect(
      clinic.db.$executeRaw`UPDATE referral_letters SET reason = 'Changed' WHERE id = ${letter.id}::uuid`,
    ).rejects.toThrow(/written once/);
  });

  it("offers the patient's active problems, current medicines and allergies as history", async () => {
    const visit = await visitWithAddress();
    await clinic.db.diagnosis.create({
      data: {
        patientId: visit.patientId,
        codeSystem: "ICD-10-CM FY2026",
        code: "I10",
        title: "Essential (primary) hypertension",
        onProblemList: true,
        recordedById: doctor().id,
      },
    });
    await clinic.db.allergy.create({
      data: {
        patientId: visit.patientId,
        substance: "Penicillin",
        category: "DRUG",
        reactions: [{ manifestation: "Hives", severity: "MODERATE" }],
        recordedById: doctor().id,
      },
    });
    await clinic.db.reportedMedication.create({
      data: { patientId: visit.patientId, name: "Vitamin D", dose: "1000 units", recordedById: doctor().id },
    });

    const context = await findLetterContext({ db: clinic.db, visitId: visit.id, authorId: doctor().id });

    expect(context?.parties).toMatchObject({
      patientName: expect.stringMatching(/^Pat Sample/),
      doctorName: doctor().name,
    });
    expect(context?.history).toBe(
      [
        "Active problems:\n- Essential (primary) hypertension (I10)",
        "Current medications:\n- Vitamin D, 1000 units (reported by the patient)",
        "Allergies:\n- Penicillin (moderate)",
      ].join("\n\n"),
    );
  });
});

describe("who may write letters", () => {
  it("lets only doctors write them, and writes nothing for anyone else", async () => {
    const visit = await visitWithAddress();
    const roles: StaffRole[] = ["NURSE", "RECEPTIONIST", "MANAGER", "BILLING", "OWNER"];
    for (const role of roles) {
      expect(await clinic.callAs(role, writeSickNoteAction, sickNoteFor(visit))).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
      expect(await clinic.callAs(role, writeReferralLetterAction, referralFor(visit))).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
    }
    expect(await clinic.db.sickNote.count({ where: { visitId: visit.id } })).toBe(0);
    expect(await clinic.db.referralLetter.count({ where: { visitId: visit.id } })).toBe(0);
  });

  it("answers NOT_FOUND for another clinic's visit or a visit of another patient", async () => {
    const visit = await visitWithAddress();
    const foreign = await clinicalRowsOf(other.db).visit();
    const otherPatient = await rowsOf(clinic.db).patient();
    for (const ids of [
      { visitId: foreign.id },
      { patientId: foreign.patientId, visitId: foreign.id },
      { patientId: otherPatient.id },
    ]) {
      expect(
        await clinic.callAs("DOCTOR", writeSickNoteAction, { ...sickNoteFor(visit), ...ids }),
      ).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
      expect(
        await clinic.callAs("DOCTOR", writeReferralLetterAction, { ...referralFor(visit), ...ids }),
      ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
  });
});
