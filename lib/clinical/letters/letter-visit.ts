import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

/** The visit a letter is written from: this patient's, in this clinic; else NOT_FOUND. */
export async function findLetterVisit(options: { db: TenantDb; visitId: string; patientId: string }) {
  const visit = await options.db.visit.findUnique({
    where: { id: options.visitId },
    select: { id: true, patientId: true, locationId: true },
  });
  if (!visit || visit.patientId !== options.patientId)
    throw new AppError("NOT_FOUND", "No such visit for this patient in this clinic. Reload the page.");
  return visit;
}
