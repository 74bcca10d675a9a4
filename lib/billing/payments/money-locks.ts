import type { Prisma } from "@/lib/generated/tenant/client";

/**
 * Serialises everything that spends a patient's credit (applying it, refunding it) until the
 * caller's transaction ends: two cashiers can never spend the same unapplied money twice. An
 * advisory lock, so editing the patient's details never waits for a payment.
 */
export async function lockPatientMoney(tx: Prisma.TransactionClient, patientId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`patient-money:${patientId}`}))`;
}
