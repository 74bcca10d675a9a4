import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

type Reader = TenantDb | Prisma.TransactionClient;

/** A payment's money that is neither applied to an invoice nor refunded: the patient's credit. */
export type UnappliedPayment = { id: string; takenAt: Date; amountMinor: number; unappliedMinor: number };

/**
 * The patient's payments that still have unapplied money, oldest first (credit is spent in the
 * order it came in). A voided invoice's negative allocation gives its money back here.
 */
export async function findUnappliedPayments(db: Reader, patientId: string): Promise<UnappliedPayment[]> {
  const rows = await db.$queryRaw<{ id: string; taken_at: Date; amount_minor: number; unapplied: number }[]>`
    SELECT p."id", p."taken_at", p."amount_minor",
      (p."amount_minor"
        - COALESCE((SELECT SUM(a."amount_minor") FROM "payment_allocations" a WHERE a."payment_id" = p."id"), 0)
        - COALESCE((SELECT SUM(r."amount_minor") FROM "refunds" r WHERE r."payment_id" = p."id"), 0))::int AS unapplied
    FROM "payments" p
    WHERE p."patient_id" = ${patientId}::uuid
    ORDER BY p."taken_at", p."receipt_number"`;
  return rows
    .filter((row) => row.unapplied > 0)
    .map((row) => ({
      id: row.id,
      takenAt: row.taken_at,
      amountMinor: row.amount_minor,
      unappliedMinor: row.unapplied,
    }));
}

/** One payment's unapplied money (what may still be refunded or applied). */
export async function findUnappliedOf(db: Reader, paymentId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ unapplied: number }[]>`
    SELECT (p."amount_minor"
      - COALESCE((SELECT SUM(a."amount_minor") FROM "payment_allocations" a WHERE a."payment_id" = p."id"), 0)
      - COALESCE((SELECT SUM(r."amount_minor") FROM "refunds" r WHERE r."payment_id" = p."id"), 0))::int AS unapplied
    FROM "payments" p WHERE p."id" = ${paymentId}::uuid`;
  return row?.unapplied ?? 0;
}
