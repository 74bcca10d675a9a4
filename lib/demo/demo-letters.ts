import { randomUUID } from "node:crypto";
import { findClinicClock } from "../clinic/settings";
import { localDateOf } from "../clinic/time";
import { findRecordHistory } from "../clinical/letters/letter-context";
import { referralLetterText, sickNoteText } from "../clinical/letters/templates";
import { buildPaperHeading } from "../documents/paper-heading";
import type { TenantDb } from "../tenancy/registry";
import { isoDayPlus } from "../validations/letters";

export type DemoVisit = {
  id: string;
  patientId: string;
  doctorId: string;
  locationId: string;
  startedAt: Date;
};

/** A week's sick note and a referral to cardiology, from Zoë's last visit for her blood pressure. */
export async function writeZoesLetters(db: TenantDb, visit: DemoVisit, now: Date) {
  const at = new Date(visit.startedAt.getTime() + 28 * 60_000);
  const [clock, heading, history, patient] = await Promise.all([
    findClinicClock(db),
    buildPaperHeading({
      db,
      patientId: visit.patientId,
      authorId: visit.doctorId,
      locationId: visit.locationId,
      at,
    }),
    findRecordHistory({ db, patientId: visit.patientId, now }),
    db.patient.findUniqueOrThrow({ where: { id: visit.patientId }, select: { dateOfBirth: true } }),
  ]);
  const visitDate = localDateOf(visit.startedAt, clock.timeZone);
  const parties = {
    patientName: heading.patient.name,
    dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
    visitDate,
    doctorName: heading.author.name,
    dateOrder: clock.dateOrder,
  };
  const unfitTo = isoDayPlus(visitDate, 6);
  const common = {
    patientId: visit.patientId,
    visitId: visit.id,
    authorId: visit.doctorId,
    heading,
    createdAt: at,
  };
  await db.sickNote.create({
    data: {
      ...common,
      id: randomUUID(),
      unfitFrom: new Date(`${visitDate}T00:00:00Z`),
      unfitTo: new Date(`${unfitTo}T00:00:00Z`),
      body: sickNoteText(parties, {
        unfitFrom: visitDate,
        unfitTo,
        condition: "dizziness while the blood pressure medicine is adjusted",
        remarks: "may return on light duties after this",
      }),
    },
  });
  const referral = {
    recipient: "Dr Priya Natarajan, Cardiology clinic, Leeds General Infirmary",
    urgency: "SOON" as const,
    reason:
      "Blood pressure above target on two medicines, with dizziness; please assess for a secondary cause.",
    history,
  };
  await db.referralLetter.create({
    data: {
      ...common,
      id: randomUUID(),
      recipient: referral.recipient,
      recipientAddress: "Great George Street, Leeds LS1 3EX",
      reason: referral.reason,
      history,
      body: referralLetterText(parties, referral),
    },
  });
}
