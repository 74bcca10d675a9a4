import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { ReportedMedicationStatus } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { RecordReportedMedicationInput } from "@/lib/validations/medications";

const NO_PATIENT =
  "This patient is not in this clinic's records. Open the patient again from the patient list.";
const NO_REPORTED = "This medication is no longer in the patient's record. Reload the page.";

/** Records a medicine the patient says they take, as they describe it; it shows as a current medication. */
export async function recordReportedMedication(options: {
  db: TenantDb;
  actor: Actor;
  input: RecordReportedMedicationInput;
}): Promise<{ id: string }> {
  const { db, actor, input } = options;
  const { patientId, ...data } = input;
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { id: true } });
    if (!patient) throw new AppError("NOT_FOUND", NO_PATIENT);
    const reported = await tx.reportedMedication.create({
      data: { ...data, patientId, recordedById: actor.id },
      select: { id: true },
    });
    // The medicine's name stays out of the audit log, like an allergy's substance.
    await recordAuditEvent(tx, {
      actor,
      action: "medication.reported",
      targetType: "patient",
      targetId: patientId,
      details: { reportedMedicationId: reported.id },
    });
    return reported;
  });
}

/** Which statuses each change starts from: a stopped one can still turn out to be entered in error. */
const FROM: Record<Exclude<ReportedMedicationStatus, "ACTIVE">, ReportedMedicationStatus[]> = {
  STOPPED: ["ACTIVE"],
  ENTERED_IN_ERROR: ["ACTIVE", "STOPPED"],
};

/**
 * Stops a reported medication (the patient no longer takes it) or marks it entered in error
 * (recorded by mistake), with the reason. The row is kept; it moves to past medications.
 */
export async function endReportedMedication(options: {
  db: TenantDb;
  actor: Actor;
  reportedMedicationId: string;
  to: "STOPPED" | "ENTERED_IN_ERROR";
  reason: string;
}): Promise<{ id: string; status: ReportedMedicationStatus }> {
  const { db, actor, reportedMedicationId: id, to, reason } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.reportedMedication.findUnique({
      where: { id },
      select: { patientId: true, status: true },
    });
    if (!before) throw new AppError("NOT_FOUND", NO_REPORTED);
    const changed = await tx.reportedMedication.updateMany({
      where: { id, status: { in: FROM[to] } },
      data: { status: to, statusReason: reason },
    });
    if (changed.count === 0)
      throw new AppError(
        "CONFLICT",
        before.status === "ENTERED_IN_ERROR"
          ? "This medication was marked entered in error and can no longer change."
          : "This medication was already stopped. Reload the page to see it as it is now.",
      );
    await recordAuditEvent(tx, {
      actor,
      action: to === "STOPPED" ? "reported-medication.stopped" : "reported-medication.entered-in-error",
      targetType: "patient",
      targetId: before.patientId,
      details: { reportedMedicationId: id },
    });
    return { id, status: to };
  });
}
