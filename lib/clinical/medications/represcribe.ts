import type { Actor } from "@/lib/auth/actor";
import { createPrescriptionDraft, lineValuesOf } from "@/lib/clinical/prescriptions/drafts";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { NO_LINE } from "./line-status";

/** A line worth prescribing again: one the patient was given (still taking, finished or stopped). */
const REPRESCRIBABLE = new Set(["ACTIVE", "COMPLETED", "STOPPED"]);

/**
 * Re-prescribing: one signed line copied, every field as it was, into a new draft prescription of
 * the signed-in doctor for the same patient (no visit), written at the original's location while it
 * is still open. The original is left as it is; the new draft is signed like any other.
 */
export async function represcribeMedication(options: {
  db: TenantDb;
  actor: Actor;
  lineId: string;
}): Promise<{ prescriptionId: string }> {
  const { db, actor, lineId } = options;
  const line = await db.prescriptionLine.findUnique({
    where: { id: lineId },
    include: { prescription: { select: { status: true, location: { select: { id: true, active: true } } } } },
  });
  if (!line) throw new AppError("NOT_FOUND", NO_LINE);
  if (line.prescription.status === "DRAFT")
    throw new AppError(
      "CONFLICT",
      "This medication is on a prescription that is not signed yet: open that draft instead.",
    );
  if (line.prescription.status !== "SIGNED" || !REPRESCRIBABLE.has(line.status))
    throw new AppError(
      "CONFLICT",
      "This medication was cancelled or entered in error, so it cannot be prescribed again from here. Write a new prescription instead.",
    );
  const { location } = line.prescription;
  return createPrescriptionDraft({
    db,
    actor,
    patientId: line.patientId,
    visitId: null,
    locationId: location.active ? location.id : null,
    lines: [lineValuesOf(line)],
    source: "re-prescribe",
  });
}
