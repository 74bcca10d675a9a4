import { medicationTitle } from "@/lib/clinical/prescriptions/line-wording";
import type { PrescriptionStatus } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findPrintCounts } from "../prints";
import { whyNotPrintable } from "./prescription-printable";

/** How often a document was printed: "Print" before the first, "Print copy" after. */
export type PrintedSoFar = { count: number; lastAt: Date } | null;

export type PrintablePrescription = {
  id: string;
  number: string;
  signedAt: Date;
  prescriber: string;
  status: PrescriptionStatus;
  medicines: string[];
  /** Why it cannot be printed; null when it can. */
  refusal: string | null;
  printed: PrintedSoFar;
};

export type PrintableVisit = {
  id: string;
  startedAt: Date;
  reason: string;
  doctor: string;
  printed: PrintedSoFar;
};

export type PrintableLetter = {
  id: string;
  kind: "SICK_NOTE" | "REFERRAL_LETTER";
  writtenAt: Date;
  author: string;
  /** "Unfit for work 30/11–04/12" or the recipient. */
  about: string;
  unfitFrom?: string;
  unfitTo?: string;
  printed: PrintedSoFar;
};

const VISITS_SHOWN = 20;

/**
 * What the patient's Print tab lists: signed prescriptions (with why one cannot be printed), recent
 * visits for their summary, and, for the roles that write letters, sick notes and referral letters.
 */
export async function findPrintables(options: {
  db: TenantDb;
  patientId: string;
  withLetters: boolean;
}): Promise<{
  prescriptions: PrintablePrescription[];
  visits: PrintableVisit[];
  letters: PrintableLetter[];
}> {
  const { db, patientId, withLetters } = options;
  const [prescriptions, visits, sickNotes, referrals, counts] = await Promise.all([
    db.prescription.findMany({
      where: { patientId, status: { not: "DRAFT" } },
      orderBy: { signedAt: "desc" },
      include: { prescriber: { select: { name: true } }, lines: { orderBy: { position: "asc" } } },
    }),
    db.visit.findMany({
      where: { patientId },
      orderBy: { startedAt: "desc" },
      take: VISITS_SHOWN,
      select: { id: true, startedAt: true, reason: true, doctor: { select: { name: true } } },
    }),
    withLetters ? db.sickNote.findMany({ where: { patientId }, orderBy: { createdAt: "desc" } }) : [],
    withLetters ? db.referralLetter.findMany({ where: { patientId }, orderBy: { createdAt: "desc" } }) : [],
    findPrintCounts({ db, patientId }),
  ]);
  const authorIds = [...new Set([...sickNotes, ...referrals].map((letter) => letter.authorId))];
  const authors = new Map(
    (await db.staffUser.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map(
      (staff) => [staff.id, staff.name],
    ),
  );
  const printed = (kind: string, id: string) => counts.get(`${kind}:${id}`) ?? null;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return {
    prescriptions: prescriptions.map((rx) => ({
      id: rx.id,
      number: rx.number ?? "",
      signedAt: rx.signedAt ?? rx.createdAt,
      prescriber: rx.prescriber.name,
      status: rx.status,
      medicines: rx.lines.map((line) => medicationTitle(line)),
      refusal: whyNotPrintable(rx),
      printed: printed("PRESCRIPTION", rx.id),
    })),
    visits: visits.map((visit) => ({
      id: visit.id,
      startedAt: visit.startedAt,
      reason: visit.reason,
      doctor: visit.doctor.name,
      printed: printed("VISIT_SUMMARY", visit.id),
    })),
    letters: [
      ...sickNotes.map((note) => ({
        id: note.id,
        kind: "SICK_NOTE" as const,
        writtenAt: note.createdAt,
        author: authors.get(note.authorId) ?? "",
        about: "Not fit for work",
        unfitFrom: day(note.unfitFrom),
        unfitTo: day(note.unfitTo),
        printed: printed("SICK_NOTE", note.id),
      })),
      ...referrals.map((letter) => ({
        id: letter.id,
        kind: "REFERRAL_LETTER" as const,
        writtenAt: letter.createdAt,
        author: authors.get(letter.authorId) ?? "",
        about: `To ${letter.recipient}`,
        printed: printed("REFERRAL_LETTER", letter.id),
      })),
    ].sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime()),
  };
}
