import { findClinicClock } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { activeMedicationWhere } from "@/lib/clinical/prescriptions/drafts";
import { directionsOf, medicationTitle } from "@/lib/clinical/prescriptions/line-wording";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { historyText, type LetterParties } from "./templates";

/** What a visit's letter forms start from: who and when for the templates, and the history to offer. */
export type LetterContext = { parties: LetterParties; history: string; today: string };

/** The patient's record as a referral's history: active problems, current medicines, allergies. */
export async function findRecordHistory(options: { db: TenantDb; patientId: string; now: Date }) {
  const { db, patientId, now } = options;
  const [problems, lines, reported, banner] = await Promise.all([
    db.diagnosis.findMany({
      where: { patientId, onProblemList: true, status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { title: true, code: true, onset: true },
    }),
    db.prescriptionLine.findMany({
      where: { patientId, ...activeMedicationWhere(now) },
      orderBy: [{ startsAt: "asc" }, { position: "asc" }],
    }),
    db.reportedMedication.findMany({
      where: { patientId, status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { name: true, dose: true, frequency: true },
    }),
    findAllergyBanner({ db, patientId }),
  ]);
  const medications = [
    ...lines.map((line) => `${medicationTitle(line)}: ${directionsOf(line)}`),
    ...reported.map(
      (med) => `${[med.name, med.dose, med.frequency].filter(Boolean).join(", ")} (reported by the patient)`,
    ),
  ];
  return historyText({
    problems,
    medications,
    allergies: banner.state === "listed" ? banner.allergies : [],
    allergyState: banner.state,
  });
}

/**
 * The patient, the visit's day and the signed-in doctor for the templates, with the history a
 * referral starts from; null when the visit is not this clinic's.
 */
export async function findLetterContext(options: {
  db: TenantDb;
  visitId: string;
  authorId: string;
  now?: Date;
}): Promise<LetterContext | null> {
  const { db, visitId, authorId, now = new Date() } = options;
  const visit = await db.visit.findUnique({
    where: { id: visitId },
    select: {
      patientId: true,
      startedAt: true,
      patient: { select: { firstName: true, lastName: true, dateOfBirth: true } },
    },
  });
  if (!visit) return null;
  const [clock, author, history] = await Promise.all([
    findClinicClock(db),
    db.staffUser.findUnique({ where: { id: authorId }, select: { name: true } }),
    findRecordHistory({ db, patientId: visit.patientId, now }),
  ]);
  return {
    parties: {
      patientName: `${visit.patient.firstName} ${visit.patient.lastName}`,
      dateOfBirth: visit.patient.dateOfBirth.toISOString().slice(0, 10),
      visitDate: localDateOf(visit.startedAt, clock.timeZone),
      doctorName: author?.name ?? "",
      dateOrder: clock.dateOrder,
    },
    history,
    today: localDateOf(now, clock.timeZone),
  };
}
