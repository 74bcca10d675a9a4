import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { AppError } from "@/lib/errors";
import type { MedicationStatus, PrescriptionStatus, Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { completeEndedMedications } from "./completion";

type Tx = Prisma.TransactionClient;

export const NO_LINE = "This medication is no longer in the patient's record. Reload the page.";
const LOCKED =
  "This prescription is signed and only a medication's status can change. Reload the page to see it as it is now.";

/** What a line's status means to the person who tried to change it. */
const WAS: Record<Exclude<MedicationStatus, "ACTIVE">, string> = {
  DRAFT: "is on a prescription that is not signed yet: change it in the draft instead",
  COMPLETED: "is already completed",
  STOPPED: "was already stopped",
  CANCELLED: "was cancelled with its prescription",
  ENTERED_IN_ERROR: "was marked entered in error",
};

/** The clinic database refuses changes to a signed prescription's line (SQLSTATE CR001): said as a conflict. */
export const lockAware = <T>(work: () => Promise<T>): Promise<T> => conflictWhenLocked(LOCKED, work);

/** Refuses, in words, a line that is not a signed prescription's active medication. */
export function refuseUnlessActive(line: {
  status: MedicationStatus;
  prescription: { status: PrescriptionStatus };
}): void {
  if (line.prescription.status === "DRAFT") throw new AppError("CONFLICT", `This medication ${WAS.DRAFT}.`);
  if (line.prescription.status !== "SIGNED")
    throw new AppError(
      "CONFLICT",
      `This medication's prescription was ${line.prescription.status === "CANCELLED" ? "cancelled" : "marked entered in error"}: it has nothing left to stop or complete.`,
    );
  if (line.status !== "ACTIVE")
    throw new AppError(
      "CONFLICT",
      `This medication ${WAS[line.status]}. Reload the page to see it as it is now.`,
    );
}

/**
 * Moves one active prescribed line to STOPPED (the patient was taking it and was told to stop,
 * with the reason) or COMPLETED (the prescriber marks the course done). A course that ended
 * meanwhile is completed first, so it is refused as completed rather than stopped after its end.
 */
export async function changeMedicationStatus(options: {
  db: TenantDb;
  actor: Actor;
  lineId: string;
  to: "STOPPED" | "COMPLETED";
  reason?: string | null;
  now?: Date;
}): Promise<{ lineId: string; status: MedicationStatus }> {
  const { db, actor, lineId, to } = options;
  const now = options.now ?? new Date();
  const found = await db.prescriptionLine.findUnique({ where: { id: lineId }, select: { patientId: true } });
  if (!found) throw new AppError("NOT_FOUND", NO_LINE);
  // Outside the transaction: a course that ended stays completed even when this change is refused.
  await completeEndedMedications({ db, now, patientId: found.patientId });
  return lockAware(() =>
    db.$transaction(async (tx: Tx) => {
      const line = await tx.prescriptionLine.findUniqueOrThrow({
        where: { id: lineId },
        select: {
          status: true,
          patientId: true,
          prescriptionId: true,
          prescription: { select: { status: true, number: true } },
        },
      });
      refuseUnlessActive(line);
      const changed = await tx.prescriptionLine.updateMany({
        where: { id: lineId, status: "ACTIVE" },
        data: {
          status: to,
          statusReason: to === "STOPPED" ? (options.reason ?? null) : null,
          statusChangedAt: now,
          statusChangedById: actor.id,
        },
      });
      if (changed.count === 0)
        throw new AppError(
          "CONFLICT",
          "This medication was changed meanwhile. Reload the page and try again.",
        );
      await recordAuditEvent(tx, {
        actor,
        action: to === "STOPPED" ? "medication.stopped" : "medication.completed",
        targetType: "patient",
        targetId: line.patientId,
        details: { lineId, prescriptionId: line.prescriptionId, number: line.prescription.number },
      });
      return { lineId, status: to };
    }),
  );
}
