import { buildPaperHeading, type PaperHeading } from "@/lib/documents/paper-heading";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findVisitDiagnoses } from "./diagnoses";
import { directionsOf, medicationTitle, supplyOf } from "./prescriptions/line-wording";
import { DISPLAY_MEASURES, displayVitals } from "./vital-display";
import { findVisitVitals } from "./vitals-queries";

export const VISIT_NOT_FOUND = "No such visit in this clinic. Open it again from the patient's visits.";

export type SummaryMedicine = {
  title: string;
  directions: string;
  supply: string;
  instructions: string | null;
};

/** What a visit summary handed to the patient shows; nothing from unsigned notes. */
export type VisitSummary = {
  visitId: string;
  patientId: string;
  startedAt: Date;
  reason: string;
  heading: PaperHeading;
  /** Each set of vitals taken in the visit (none entered in error): "Pulse 72/min" as the vitals pages write it. */
  vitals: { takenAt: Date; measures: { label: string; text: string }[] }[];
  /** Titles only, as recorded (no codes, none entered in error). */
  diagnoses: string[];
  /** The plan of the visit's signed SOAP note; null without one. */
  plan: string | null;
  prescriptions: { number: string; medicines: SummaryMedicine[] }[];
};

/** The visit's facts for its printed summary, with a heading made now (its doctor, its location, today's addresses). */
export async function findVisitSummary(options: {
  db: TenantDb;
  visitId: string;
  at: Date;
}): Promise<VisitSummary> {
  const { db, visitId, at } = options;
  const visit = await db.visit.findUnique({
    where: { id: visitId },
    select: {
      id: true,
      patientId: true,
      doctorId: true,
      locationId: true,
      startedAt: true,
      reason: true,
      patient: { select: { dateOfBirth: true } },
    },
  });
  if (!visit) throw new AppError("NOT_FOUND", VISIT_NOT_FOUND);
  const { patientId } = visit;
  const [heading, vitals, diagnoses, note, prescriptions] = await Promise.all([
    buildPaperHeading({ db, patientId, authorId: visit.doctorId, locationId: visit.locationId, at }),
    findVisitVitals({ db, patientId, visitId }),
    findVisitDiagnoses({ db, patientId, visitId }),
    db.clinicalNote.findFirst({
      where: { visitId, kind: "SOAP", status: "SIGNED" },
      orderBy: { signedAt: "desc" },
      select: { plan: true },
    }),
    db.prescription.findMany({
      where: { visitId, patientId, status: "SIGNED" },
      orderBy: { signedAt: "asc" },
      select: {
        number: true,
        lines: { where: { status: { in: ["ACTIVE", "COMPLETED"] } }, orderBy: { position: "asc" } },
      },
    }),
  ]);
  return {
    visitId,
    patientId,
    startedAt: visit.startedAt,
    reason: visit.reason,
    heading,
    vitals: vitals
      .filter((row) => !row.enteredInErrorAt)
      .map((row) => {
        const shown = displayVitals(row, visit.patient.dateOfBirth);
        const measures = DISPLAY_MEASURES.flatMap(({ key, label }) => {
          const cell = shown.cells[key];
          return cell ? [{ label, text: cell.text }] : [];
        });
        return { takenAt: row.takenAt, measures };
      })
      .filter((set) => set.measures.length > 0)
      .reverse(),
    diagnoses: diagnoses.filter((row) => row.status !== "ENTERED_IN_ERROR").map((row) => row.title),
    plan: note?.plan.trim() ? note.plan.trim() : null,
    prescriptions: prescriptions
      .filter((rx) => rx.number && rx.lines.length > 0)
      .map((rx) => ({
        number: rx.number as string,
        medicines: rx.lines.map((line) => ({
          title: medicationTitle(line),
          directions: directionsOf(line),
          supply: supplyOf(line),
          instructions: line.instructions,
        })),
      })),
  };
}
