import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { lockAware, NO_PRESCRIPTION } from "./prescription-access";

export type Withdrawal = "CANCELLED" | "ENTERED_IN_ERROR";

const ACTION = { CANCELLED: "prescription.cancelled", ENTERED_IN_ERROR: "prescription.entered-in-error" };

/**
 * Withdraws a whole signed prescription with a reason (FHIR MedicationRequest statuses):
 * cancelled only before any of it was stopped or completed (every line still active), and its
 * lines are cancelled too; entered in error from signed or cancelled, and every line follows. The
 * prescription and its lines are kept; only their status, reason, who and when change.
 */
export async function withdrawPrescription(options: {
  db: TenantDb;
  actor: Actor;
  prescriptionId: string;
  to: Withdrawal;
  reason: string;
}): Promise<{ prescriptionId: string; status: Withdrawal }> {
  const { db, actor, prescriptionId, to, reason } = options;
  const prescription = await db.prescription.findUnique({
    where: { id: prescriptionId },
    include: { lines: { select: { status: true } } },
  });
  if (!prescription) throw new AppError("NOT_FOUND", NO_PRESCRIPTION);
  if (prescription.status === "DRAFT")
    throw new AppError("CONFLICT", "This prescription is still a draft: discard it instead.");
  if (prescription.status === "ENTERED_IN_ERROR")
    throw new AppError("CONFLICT", "This prescription is already marked entered in error.");
  if (to === "CANCELLED" && prescription.status === "CANCELLED")
    throw new AppError("CONFLICT", "This prescription is already cancelled.");
  if (to === "CANCELLED" && prescription.lines.some((line) => line.status !== "ACTIVE"))
    throw new AppError(
      "CONFLICT",
      "Part of this prescription was already stopped or completed, so it cannot be cancelled: stop its remaining medicines from the medication list, or mark it entered in error.",
    );
  const from = prescription.status;
  const at = new Date();
  const change = { status: to, statusReason: reason, statusChangedAt: at, statusChangedById: actor.id };
  return lockAware(() =>
    db.$transaction(async (tx) => {
      const moved = await tx.prescription.updateMany({
        where: { id: prescriptionId, status: from },
        data: change,
      });
      if (moved.count === 0)
        throw new AppError(
          "CONFLICT",
          "This prescription was changed meanwhile. Reload the page and try again.",
        );
      const lines = await tx.prescriptionLine.updateMany({
        where: { prescriptionId, status: to === "CANCELLED" ? "ACTIVE" : { not: "ENTERED_IN_ERROR" } },
        data: change,
      });
      await recordAuditEvent(tx, {
        actor,
        action: ACTION[to],
        targetType: "prescription",
        targetId: prescriptionId,
        details: { patientId: prescription.patientId, number: prescription.number, from, lines: lines.count },
      });
      return { prescriptionId, status: to };
    }),
  );
}
