import type { Actor } from "@/lib/auth/actor";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { AppError } from "@/lib/errors";
import type { Prescription } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

export const NO_PRESCRIPTION = "No such prescription in this clinic.";
export const SIGNED_PRESCRIPTION_MESSAGE =
  "This prescription is signed and can no longer be changed: cancel it or mark it entered in error, then write a new one.";
export const STALE_DRAFT_MESSAGE =
  "This prescription was changed in another tab or on another device. Reload the page and make your change again.";

/** The database refuses changes to a signed prescription (SQLSTATE CR001): said as a conflict. */
export const lockAware = <T>(work: () => Promise<T>): Promise<T> =>
  conflictWhenLocked(SIGNED_PRESCRIPTION_MESSAGE, work);

/** A draft's version as the editor holds it: its `updatedAt`, to the millisecond. */
export const revisionOf = (prescription: { updatedAt: Date }) => prescription.updatedAt.toISOString();

/** The signed-in doctor's own draft at the version they edited, or why it cannot be changed. */
export async function findOwnDraft(
  db: TenantDb,
  actor: Actor,
  prescriptionId: string,
  revision?: string,
): Promise<Prescription> {
  const prescription = await db.prescription.findUnique({ where: { id: prescriptionId } });
  if (!prescription) throw new AppError("NOT_FOUND", NO_PRESCRIPTION);
  if (prescription.prescriberId !== actor.id)
    throw new AppError("FORBIDDEN", "Only the doctor who started this prescription can change or sign it.");
  if (prescription.status !== "DRAFT") throw new AppError("CONFLICT", SIGNED_PRESCRIPTION_MESSAGE);
  if (revision !== undefined && revisionOf(prescription) !== revision)
    throw new AppError("CONFLICT", STALE_DRAFT_MESSAGE);
  return prescription;
}

/**
 * Why a conditional update of a draft matched no row, now that it is read again (inside the same
 * transaction: a second connection from a busy pool could wait on the one this holds).
 */
export async function lostRace(
  db: Pick<TenantDb, "prescription">,
  prescriptionId: string,
): Promise<AppError> {
  const now = await db.prescription.findUnique({ where: { id: prescriptionId }, select: { status: true } });
  if (!now) return new AppError("NOT_FOUND", NO_PRESCRIPTION);
  return new AppError("CONFLICT", now.status !== "DRAFT" ? SIGNED_PRESCRIPTION_MESSAGE : STALE_DRAFT_MESSAGE);
}

/**
 * Moves a draft to a new version, only from the version the editor had: the row is locked for the
 * rest of the transaction, so a second tab's save or signing waits and then finds the version gone
 * (null: it is gone).
 */
export async function claimDraftVersion(
  tx: Pick<TenantDb, "prescription">,
  prescription: Prescription,
): Promise<Date | null> {
  const next = new Date(Math.max(Date.now(), prescription.updatedAt.getTime() + 1));
  const claimed = await tx.prescription.updateMany({
    where: { id: prescription.id, status: "DRAFT", updatedAt: prescription.updatedAt },
    data: { updatedAt: next },
  });
  return claimed.count === 0 ? null : next;
}
