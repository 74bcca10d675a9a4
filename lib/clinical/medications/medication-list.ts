import { activeMedicationWhere, lineValuesOf } from "@/lib/clinical/prescriptions/drafts";
import type { MedicationStatus, ReportedMedicationStatus } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { PrescriptionLineValues } from "@/lib/validations/prescriptions";
import { completeEndedMedications } from "./completion";

/** A signed prescription's line as the medication list shows it. */
export type PrescribedMedication = {
  id: string;
  prescriptionId: string;
  number: string | null;
  line: PrescriptionLineValues;
  status: MedicationStatus;
  prescribedAt: Date | null;
  prescriberName: string;
  endsAt: Date | null;
  statusReason: string | null;
  statusChangedAt: Date | null;
  /** Null when the clinic changed it by itself (a course completed at its end). */
  statusChangedByName: string | null;
};

/** A medicine the patient says they take. */
export type ReportedMedicationItem = {
  id: string;
  name: string;
  dose: string | null;
  frequency: string | null;
  since: string | null;
  note: string | null;
  status: ReportedMedicationStatus;
  statusReason: string | null;
  recordedAt: Date;
  recordedByName: string;
  /** When it was stopped or marked entered in error (its last change). */
  changedAt: Date;
};

export type MedicationList = {
  current: PrescribedMedication[];
  currentReported: ReportedMedicationItem[];
  past: PrescribedMedication[];
  pastReported: ReportedMedicationItem[];
};

/** Past medications shown at most: the most recently changed. */
const PAST_LIMIT = 200;

/**
 * A patient's medication list: what they take now (signed lines still in their course, and
 * medicines they report taking) and what they took (completed, stopped, cancelled, entered in
 * error). Courses that ended are completed first, so the list never shows a finished one as current.
 */
export async function findMedicationList(options: {
  db: TenantDb;
  patientId: string;
  now?: Date;
}): Promise<MedicationList> {
  const { db, patientId } = options;
  const now = options.now ?? new Date();
  await completeEndedMedications({ db, now, patientId });
  const include = {
    prescription: {
      select: { number: true, signedAt: true, prescriber: { select: { name: true } } },
    },
  } as const;
  const [current, past, reported] = await Promise.all([
    db.prescriptionLine.findMany({
      where: { patientId, prescription: { status: "SIGNED" }, ...activeMedicationWhere(now) },
      include,
      orderBy: [{ prescription: { signedAt: "desc" } }, { position: "asc" }],
    }),
    db.prescriptionLine.findMany({
      where: {
        patientId,
        prescription: { status: { not: "DRAFT" } },
        status: { in: ["COMPLETED", "STOPPED", "CANCELLED", "ENTERED_IN_ERROR"] },
      },
      include,
      orderBy: [{ statusChangedAt: "desc" }, { position: "asc" }],
      take: PAST_LIMIT,
    }),
    db.reportedMedication.findMany({ where: { patientId }, orderBy: [{ createdAt: "desc" }] }),
  ]);
  const staffIds = [
    ...past.flatMap((line) => (line.statusChangedById ? [line.statusChangedById] : [])),
    ...reported.map((row) => row.recordedById),
  ];
  const staff = await db.staffUser.findMany({
    where: { id: { in: [...new Set(staffIds)] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(staff.map((member) => [member.id, member.name]));
  const prescribed = (row: (typeof current)[number]): PrescribedMedication => ({
    id: row.id,
    prescriptionId: row.prescriptionId,
    number: row.prescription.number,
    line: lineValuesOf(row),
    status: row.status,
    prescribedAt: row.prescription.signedAt,
    prescriberName: row.prescription.prescriber.name,
    endsAt: row.endsAt,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    statusChangedByName: row.statusChangedById
      ? (nameOf.get(row.statusChangedById) ?? "a former member")
      : null,
  });
  const reportedItem = (row: (typeof reported)[number]): ReportedMedicationItem => ({
    id: row.id,
    name: row.name,
    dose: row.dose,
    frequency: row.frequency,
    since: row.since,
    note: row.note,
    status: row.status,
    statusReason: row.statusReason,
    recordedAt: row.createdAt,
    recordedByName: nameOf.get(row.recordedById) ?? "a former member",
    changedAt: row.updatedAt,
  });
  return {
    current: current.map(prescribed),
    currentReported: reported.filter((row) => row.status === "ACTIVE").map(reportedItem),
    past: past.map(prescribed),
    pastReported: reported.filter((row) => row.status !== "ACTIVE").map(reportedItem),
  };
}
