import { AppError } from "@/lib/errors";
import type { PaymentMethod } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findPatientAccount } from "../balances";
import { dayBoundsOf } from "./business-day";

export type StatementEntry = {
  at: Date;
  kind: "INVOICE" | "CREDIT_NOTE" | "PAYMENT" | "REFUND";
  reference: string;
  description: string;
  /** What it adds to what the patient owes: invoices positive, payments negative. */
  amountMinor: number;
  method: PaymentMethod | null;
};

export type Statement = {
  patient: { id: string; name: string; mrn: string; address: string | null; dateOfBirth: Date };
  currency: string;
  from: string;
  to: string;
  /** Owed (positive) or in credit (negative) when the period began. */
  openingMinor: number;
  entries: StatementEntry[];
  closingMinor: number;
  /** As of now, from the patient's account. */
  owedMinor: number;
  creditMinor: number;
};

export const PATIENT_NOT_FOUND = "This patient could not be found. They may have been removed.";

/**
 * A patient's statement for a clinic-local period: the balance brought forward, every invoice,
 * credit note, payment and refund in the period, and the balance carried. Invoices add to what is
 * owed, credit notes and payments take from it, refunds give back.
 */
export async function findStatement(options: {
  db: TenantDb;
  patientId: string;
  from: string;
  to: string;
}): Promise<Statement> {
  const { db, patientId } = options;
  const [settings, patient] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: { timezone: true, currency: true } }),
    db.patient.findUnique({ where: { id: patientId } }),
  ]);
  if (!patient) throw new AppError("NOT_FOUND", PATIENT_NOT_FOUND);
  const start = dayBoundsOf(options.from, settings.timezone).start;
  const end = dayBoundsOf(options.to, settings.timezone).end;
  const [invoices, payments, refunds, account] = await Promise.all([
    db.invoice.findMany({
      where: { patientId, status: "ISSUED", issuedAt: { lt: end } },
      select: { number: true, kind: true, totalMinor: true, issuedAt: true },
    }),
    db.payment.findMany({
      where: { patientId, takenAt: { lt: end } },
      select: { receiptNumber: true, method: true, amountMinor: true, takenAt: true },
    }),
    db.refund.findMany({
      where: { payment: { patientId }, refundedAt: { lt: end } },
      select: {
        amountMinor: true,
        method: true,
        refundedAt: true,
        payment: { select: { receiptNumber: true } },
      },
    }),
    findPatientAccount(db, patientId),
  ]);
  const all: StatementEntry[] = [
    ...invoices.map((invoice) => ({
      at: invoice.issuedAt ?? new Date(0),
      kind: invoice.kind,
      reference: invoice.number ?? "",
      description: invoice.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice",
      amountMinor: invoice.totalMinor,
      method: null,
    })),
    ...payments.map((payment) => ({
      at: payment.takenAt,
      kind: "PAYMENT" as const,
      reference: payment.receiptNumber,
      description: "Payment received",
      amountMinor: -payment.amountMinor,
      method: payment.method,
    })),
    ...refunds.map((refund) => ({
      at: refund.refundedAt,
      kind: "REFUND" as const,
      reference: refund.payment.receiptNumber,
      description: "Refund",
      amountMinor: refund.amountMinor,
      method: refund.method,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const before = all.filter((entry) => entry.at < start);
  const entries = all.filter((entry) => entry.at >= start);
  const openingMinor = sumOf(before);
  return {
    patient: {
      id: patient.id,
      name: `${patient.firstName} ${patient.lastName}`,
      mrn: patient.mrn,
      address: patient.address,
      dateOfBirth: patient.dateOfBirth,
    },
    currency: settings.currency,
    from: options.from,
    to: options.to,
    openingMinor,
    entries,
    closingMinor: openingMinor + sumOf(entries),
    owedMinor: account.owedMinor,
    creditMinor: account.creditMinor,
  };
}

const sumOf = (entries: StatementEntry[]) => entries.reduce((total, entry) => total + entry.amountMinor, 0);
