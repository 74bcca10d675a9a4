import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import { takeDocumentNumber } from "./document-numbers";
import { clinicSnapshotOf, type InvoiceSnapshot } from "./invoice-snapshot";

type Tx = Prisma.TransactionClient;

/** Locks the invoice row until the caller's transaction ends, so two cashiers issue or pay it in turn. */
export async function lockInvoice(tx: Tx, invoiceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "invoices" WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
}

async function snapshotOf(
  tx: Tx,
  invoice: Prisma.InvoiceGetPayload<{ include: { patient: true; location: true } }>,
) {
  const settings = await tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
  const doctor = invoice.doctorId
    ? await tx.staffUser.findUnique({ where: { id: invoice.doctorId }, include: { doctorProfile: true } })
    : null;
  const { patient } = invoice;
  const patientName = `${patient.firstName} ${patient.lastName}`;
  const snapshot: InvoiceSnapshot = {
    clinic: clinicSnapshotOf(settings),
    location: {
      name: invoice.location.name,
      address: invoice.location.address,
      phone: invoice.location.phone,
    },
    doctor: doctor ? { name: doctor.name, registration: doctor.doctorProfile?.licenceNumber ?? null } : null,
    patient: {
      name: patientName,
      address: patient.address,
      mrn: patient.mrn,
      dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
    },
    billTo:
      invoice.billTo === "THIRD_PARTY"
        ? {
            kind: "THIRD_PARTY",
            name: invoice.billToName ?? "",
            address: invoice.billToAddress,
            reference: invoice.billToReference,
          }
        : {
            kind: "PATIENT",
            name: patientName,
            address: patient.address,
            reference: invoice.billToReference,
          },
  };
  return { snapshot, timezone: settings.timezone };
}

/**
 * Issues a draft invoice inside the caller's transaction (billing issuing it, or a receptionist
 * taking a payment on it): totals summed from its lines, the next gapless INV number of the year in
 * the clinic's time zone, and the clinic, location, doctor, patient and bill-to fixed in its
 * snapshot. From then on the database refuses any change to it (CR001).
 */
export async function issueInvoice(
  tx: Tx,
  options: { actor: Actor; invoiceId: string; now?: Date },
): Promise<{ number: string; totalMinor: number }> {
  const { actor, invoiceId } = options;
  const now = options.now ?? new Date();
  await lockInvoice(tx, invoiceId);
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    include: { patient: true, location: true, lines: true },
  });
  if (invoice?.kind !== "INVOICE") throw new AppError("NOT_FOUND", "No such invoice in this clinic.");
  if (invoice.status !== "DRAFT")
    throw new AppError("CONFLICT", `This invoice is already issued as ${invoice.number}.`);
  if (invoice.lines.length === 0)
    throw new AppError(
      "CONFLICT",
      "This invoice has no lines yet: add what the patient is paying for first.",
    );
  const subtotalMinor = invoice.lines.reduce((sum, line) => sum + line.netMinor, 0);
  const taxMinor = invoice.lines.reduce((sum, line) => sum + line.taxMinor, 0);
  const { snapshot, timezone } = await snapshotOf(tx, invoice);
  const number = await takeDocumentNumber(tx, "INV", Number(localDateOf(now, timezone).slice(0, 4)));
  const totalMinor = subtotalMinor + taxMinor;
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      status: "ISSUED",
      number,
      issuedAt: now,
      issuedById: actor.id,
      snapshot,
      subtotalMinor,
      taxMinor,
      totalMinor,
    },
  });
  await recordAuditEvent(tx, {
    actor,
    action: "invoice.issued",
    targetType: "invoice",
    targetId: invoiceId,
    details: { patientId: invoice.patientId, number, totalMinor, currency: invoice.currency },
  });
  return { number, totalMinor };
}
