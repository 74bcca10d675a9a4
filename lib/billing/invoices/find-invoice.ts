import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances, findPatientAccount } from "../balances";
import { invoiceSnapshotSchema } from "../invoice-snapshot";
import { findUnappliedPayments } from "../payments/unapplied-money";

/** A payment applied to the invoice (or given back to credit when it was voided), as its page lists it. */
export type InvoicePaymentRow = {
  allocationId: string;
  paymentId: string;
  receiptNumber: string;
  method: string;
  takenAt: Date;
  appliedAt: Date;
  /** Negative when a void gave the payment back to the patient's credit. */
  amountMinor: number;
  fromCredit: boolean;
  /** What of the payment is neither applied nor refunded now: what may be refunded. */
  refundableMinor: number;
};

/** Money given back from a payment that was applied to the invoice (from the credit a void left). */
export type InvoiceRefundRow = {
  refundId: string;
  receiptNumber: string;
  method: string;
  refundedAt: Date;
  amountMinor: number;
  reason: string;
};

/**
 * One invoice or credit note as its page and PDF show it: lines, totals, derived state and balance,
 * what it voids or what voided it, (issued) the snapshot it was issued with, the payments applied
 * to it and the patient's credit.
 */
export async function findInvoice(db: TenantDb, invoiceId: string) {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: { orderBy: { position: "asc" } },
      patient: { select: { id: true, firstName: true, lastName: true, address: true, mrn: true } },
      location: { select: { name: true } },
      creditedInvoice: { select: { id: true, number: true } },
      creditNote: { select: { id: true, number: true, note: true } },
      allocations: {
        orderBy: { appliedAt: "asc" },
        select: {
          id: true,
          amountMinor: true,
          fromCredit: true,
          appliedAt: true,
          payment: {
            select: {
              id: true,
              receiptNumber: true,
              method: true,
              takenAt: true,
              refunds: {
                orderBy: { refundedAt: "asc" },
                select: { id: true, amountMinor: true, method: true, refundedAt: true, reason: true },
              },
            },
          },
        },
      },
    },
  });
  if (!invoice) return null;
  const [balances, account, unapplied] = await Promise.all([
    findInvoiceBalances(db, [invoice.id]),
    findPatientAccount(db, invoice.patientId),
    invoice.allocations.length > 0 ? findUnappliedPayments(db, invoice.patientId) : [],
  ]);
  const balance = balances.get(invoice.id);
  const refundable = new Map(unapplied.map((payment) => [payment.id, payment.unappliedMinor]));
  const snapshot = invoice.snapshot ? (invoiceSnapshotSchema.safeParse(invoice.snapshot).data ?? null) : null;
  const { allocations, ...rest } = invoice;
  const payments: InvoicePaymentRow[] = allocations.map((allocation) => ({
    allocationId: allocation.id,
    paymentId: allocation.payment.id,
    receiptNumber: allocation.payment.receiptNumber,
    method: allocation.payment.method,
    takenAt: allocation.payment.takenAt,
    appliedAt: allocation.appliedAt,
    amountMinor: allocation.amountMinor,
    fromCredit: allocation.fromCredit,
    refundableMinor: refundable.get(allocation.payment.id) ?? 0,
  }));
  const refunds = new Map<string, InvoiceRefundRow>();
  for (const { payment } of allocations)
    for (const refund of payment.refunds)
      refunds.set(refund.id, {
        refundId: refund.id,
        receiptNumber: payment.receiptNumber,
        method: refund.method,
        refundedAt: refund.refundedAt,
        amountMinor: refund.amountMinor,
        reason: refund.reason,
      });
  return {
    ...rest,
    snapshot,
    payments,
    refunds: [...refunds.values()],
    state: balance?.state ?? "DRAFT",
    appliedMinor: balance?.appliedMinor ?? 0,
    balanceMinor: balance?.balanceMinor ?? 0,
    patientCreditMinor: account.creditMinor,
  };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;
