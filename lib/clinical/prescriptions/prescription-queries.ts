import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

const prescriptionInclude = {
  lines: { orderBy: { position: "asc" } },
  prescriber: { select: { id: true, name: true } },
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true, dateOfBirth: true } },
  visit: { select: { id: true, startedAt: true } },
} satisfies Prisma.PrescriptionInclude;

export type PrescriptionRecord = Prisma.PrescriptionGetPayload<{ include: typeof prescriptionInclude }>;

/** One prescription with its lines in order, its prescriber, patient and visit; null when not in this clinic. */
export function findPrescription(options: { db: TenantDb; prescriptionId: string }) {
  return options.db.prescription.findUnique({
    where: { id: options.prescriptionId },
    include: prescriptionInclude,
  });
}

/** Who changed a prescription's status, by id: the signed view names them. */
export async function findStaffName(options: { db: TenantDb; staffId: string | null }) {
  if (!options.staffId) return null;
  const staff = await options.db.staffUser.findUnique({
    where: { id: options.staffId },
    select: { name: true },
  });
  return staff?.name ?? null;
}

/** A visit's prescriptions, oldest first, with their lines' names for the visit page's panel. */
export function findVisitPrescriptions(options: { db: TenantDb; visitId: string }) {
  return options.db.prescription.findMany({
    where: { visitId: options.visitId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      prescriberId: true,
      prescriber: { select: { name: true } },
      lines: {
        orderBy: { position: "asc" },
        select: { medicationName: true, strength: true, doseForm: true },
      },
    },
  });
}
