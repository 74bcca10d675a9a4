import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { PrescriptionLine, Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { PrescriptionLineValues } from "@/lib/validations/prescriptions";

type Tx = Prisma.TransactionClient;

/** A parsed line as the columns of a prescription_lines row (position and ids added by the caller). */
export function lineColumnsOf(line: PrescriptionLineValues) {
  return {
    medicationName: line.medicationName,
    strength: line.strength ?? null,
    doseForm: line.doseForm ?? null,
    route: line.route ?? null,
    doseAmount: line.doseAmount,
    doseUnit: line.doseUnit,
    frequency: line.frequency,
    everyHours: line.everyHours ?? null,
    weekday: line.weekday ?? null,
    asNeededFor: line.asNeededFor ?? null,
    durationValue: line.durationValue ?? null,
    durationUnit: line.durationUnit ?? null,
    quantity: line.quantity,
    quantityUnit: line.quantityUnit,
    refills: line.refills,
    instructions: line.instructions ?? null,
  };
}

/** A saved line back as the values the line schema produces: what re-prescribing and favourites copy. */
export function lineValuesOf(row: PrescriptionLine): PrescriptionLineValues {
  return lineColumnsOf(row);
}

/**
 * A medication the patient is taking now: signed, not stopped or withdrawn, and its course not yet
 * over (a line whose end has passed counts as completed even before the clinic marks it so).
 */
export function activeMedicationWhere(now: Date): Prisma.PrescriptionLineWhereInput {
  return { status: "ACTIVE", OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/** Writes a draft's lines in order, replacing any it had (only a draft's lines can be replaced). */
export async function writeDraftLines(
  tx: Tx,
  prescription: { id: string; patientId: string },
  lines: PrescriptionLineValues[],
): Promise<void> {
  await tx.prescriptionLine.deleteMany({ where: { prescriptionId: prescription.id } });
  await tx.prescriptionLine.createMany({
    data: lines.map((line, position) => ({
      ...lineColumnsOf(line),
      prescriptionId: prescription.id,
      patientId: prescription.patientId,
      position,
    })),
  });
}

/** Where a prescription is written: its visit's location, else the one asked for, else the clinic's main one. */
async function locationFor(db: TenantDb, visitLocationId: string | null, asked: string | null | undefined) {
  if (visitLocationId) return visitLocationId;
  const location = await db.location.findFirst({
    where: asked ? { id: asked, active: true } : { active: true },
    orderBy: [{ isMain: "desc" }, { name: "asc" }],
    select: { id: true },
  });
  if (!location) throw new AppError("NOT_FOUND", "No such location in this clinic.");
  return location.id;
}

/**
 * A new draft prescription by the signed-in doctor, from a visit (its patient and location) or,
 * for a repeat, for a patient directly; with the lines given (re-prescribing passes one). A visit
 * whose appointment was cancelled or missed takes no prescription.
 */
export async function createPrescriptionDraft(options: {
  db: TenantDb;
  actor: Actor;
  patientId: string;
  visitId?: string | null;
  locationId?: string | null;
  lines: PrescriptionLineValues[];
  /** What the audit row says it came from: "visit", "repeat", "re-prescribe"… */
  source: string;
}): Promise<{ prescriptionId: string }> {
  const { db, actor, patientId, lines, source } = options;
  const visitId = options.visitId ?? null;
  const visit = visitId
    ? await db.visit.findUnique({
        where: { id: visitId },
        select: { patientId: true, locationId: true, appointment: { select: { status: true } } },
      })
    : null;
  if (visitId && (!visit || visit.patientId !== patientId))
    throw new AppError("NOT_FOUND", "No such visit for this patient in this clinic.");
  const appointmentStatus = visit?.appointment?.status;
  if (appointmentStatus === "CANCELLED" || appointmentStatus === "NO_SHOW")
    throw new AppError(
      "CONFLICT",
      "This visit's appointment was cancelled or missed: write the prescription from the patient's medication list instead.",
    );
  const patient = await db.patient.findUnique({ where: { id: patientId }, select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND", "No such patient in this clinic.");
  const locationId = await locationFor(db, visit?.locationId ?? null, options.locationId);
  return db.$transaction(async (tx) => {
    const prescription = await tx.prescription.create({
      data: { patientId, visitId, prescriberId: actor.id, locationId },
    });
    await writeDraftLines(tx, prescription, lines);
    await recordAuditEvent(tx, {
      actor,
      action: "prescription.drafted",
      targetType: "prescription",
      targetId: prescription.id,
      details: { patientId, visitId, source, lines: lines.length },
    });
    return { prescriptionId: prescription.id };
  });
}
