import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

export type SuperbillLine = {
  invoiceNumber: string;
  description: string;
  code: string | null;
  quantity: number;
  totalMinor: number;
};

/** What a patient needs to claim a visit from their insurer; this product submits no claims. */
export type Superbill = {
  clinic: { legalName: string; legalAddress: string | null; taxId: string | null; timezone: string };
  currency: string;
  location: { name: string; address: string | null; phone: string | null };
  doctor: { name: string; specialty: string | null; registration: string | null };
  patient: { name: string; mrn: string; dateOfBirth: Date; address: string | null };
  visitDate: Date;
  diagnoses: { code: string; title: string; codeSystem: string }[];
  lines: SuperbillLine[];
  totalMinor: number;
  paidMinor: number;
};

export const VISIT_NOT_FOUND = "This visit could not be found. It may have been removed.";

/**
 * A visit's superbill: the doctor's registration, the visit date, the codes of the diagnoses made at
 * it (not those entered in error) and the lines of its appointment's issued, unvoided invoices.
 */
export async function findSuperbill(options: { db: TenantDb; visitId: string }): Promise<Superbill> {
  const { db, visitId } = options;
  const visit = await db.visit.findUnique({
    where: { id: visitId },
    include: {
      patient: true,
      location: true,
      doctor: { include: { doctorProfile: true } },
      diagnoses: { where: { status: { not: "ENTERED_IN_ERROR" } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!visit) throw new AppError("NOT_FOUND", VISIT_NOT_FOUND);
  const [settings, invoices] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    visit.appointmentId
      ? db.invoice.findMany({
          where: {
            appointmentId: visit.appointmentId,
            kind: "INVOICE",
            status: "ISSUED",
            creditNote: null,
          },
          orderBy: { issuedAt: "asc" },
          include: {
            lines: { orderBy: { position: "asc" }, include: { item: { select: { code: true } } } },
            allocations: { select: { amountMinor: true } },
          },
        })
      : [],
  ]);
  const lines = invoices.flatMap((invoice) =>
    invoice.lines.map((line) => ({
      invoiceNumber: invoice.number ?? "",
      description: line.description,
      code: line.item?.code ?? null,
      quantity: line.quantity,
      totalMinor: line.totalMinor,
    })),
  );
  return {
    clinic: {
      legalName: settings.legalName ?? settings.name,
      legalAddress: settings.legalAddress,
      taxId: settings.taxId,
      timezone: settings.timezone,
    },
    currency: invoices[0]?.currency ?? settings.currency,
    location: { name: visit.location.name, address: visit.location.address, phone: visit.location.phone },
    doctor: {
      name: visit.doctor.name,
      specialty: visit.doctor.doctorProfile?.specialty ?? null,
      registration: visit.doctor.doctorProfile?.licenceNumber ?? null,
    },
    patient: {
      name: `${visit.patient.firstName} ${visit.patient.lastName}`,
      mrn: visit.patient.mrn,
      dateOfBirth: visit.patient.dateOfBirth,
      address: visit.patient.address,
    },
    visitDate: visit.startedAt,
    diagnoses: visit.diagnoses.map((d) => ({ code: d.code, title: d.title, codeSystem: d.codeSystem })),
    lines,
    totalMinor: invoices.reduce((total, invoice) => total + invoice.totalMinor, 0),
    paidMinor: invoices.reduce(
      (total, invoice) => total + invoice.allocations.reduce((sum, a) => sum + a.amountMinor, 0),
      0,
    ),
  };
}
