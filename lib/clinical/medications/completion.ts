import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

/**
 * Marks every ACTIVE prescribed line whose course has ended (endsAt <= now) COMPLETED, as of its
 * end and by nobody (statusChangedById null: the clinic did it by itself). One UPDATE on the
 * (status, ends_at) index, cheap enough to run before each read of a medication list; narrowed to
 * one patient when given. Returns how many lines it completed.
 */
export async function completeEndedMedications(options: {
  db: TenantDb | Prisma.TransactionClient;
  now: Date;
  patientId?: string;
}): Promise<number> {
  const { db, now, patientId } = options;
  // Raw SQL because the change time is each row's own ends_at, which Prisma's updateMany cannot copy.
  return patientId
    ? db.$executeRaw`
        UPDATE prescription_lines
           SET status = 'COMPLETED', status_changed_at = ends_at, status_changed_by_id = NULL, updated_at = now()
         WHERE status = 'ACTIVE' AND ends_at <= ${now} AND patient_id = ${patientId}::uuid`
    : db.$executeRaw`
        UPDATE prescription_lines
           SET status = 'COMPLETED', status_changed_at = ends_at, status_changed_by_id = NULL, updated_at = now()
         WHERE status = 'ACTIVE' AND ends_at <= ${now}`;
}
