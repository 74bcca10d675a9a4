import type { Actor } from "@/lib/auth/actor";
import { findPatientAccount } from "@/lib/billing/balances";
import { formatMoney } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/payments";
import { isPaperSize } from "../country-profiles";
import { renderReceiptPdf } from "../pdf/receipt-pdf";
import type { PrintedFile } from "../prints";

export const RECEIPT_NOT_FOUND = "No such receipt in this clinic. Open it again from the patient's account.";

/**
 * A payment's receipt as a PDF: what was received, how, what it paid and the patient's credit
 * now. Receipts are not in the document print log (its kinds are fixed by the schema); each print
 * is audited instead, in the same transaction as the read.
 */
export async function printReceipt(options: {
  db: TenantDb;
  actor: Actor;
  paymentId: string;
}): Promise<PrintedFile> {
  const { db, actor, paymentId } = options;
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    include: {
      patient: { select: { firstName: true, lastName: true, mrn: true } },
      location: { select: { name: true, address: true, phone: true } },
      allocations: {
        orderBy: { appliedAt: "asc" },
        include: { invoice: { select: { number: true, billTo: true, billToName: true } } },
      },
      refunds: { orderBy: { refundedAt: "asc" } },
    },
  });
  if (!payment) throw new AppError("NOT_FOUND", RECEIPT_NOT_FOUND);
  const [settings, taker, account] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.staffUser.findUnique({ where: { id: payment.takenById }, select: { name: true } }),
    findPatientAccount(db, payment.patientId),
  ]);
  const money = (minor: number) => formatMoney(minor, settings.currency);
  const applied = payment.allocations.filter((a) => a.amountMinor > 0 && !a.fromCredit);
  const appliedMinor = applied.reduce((sum, a) => sum + a.amountMinor, 0);
  const thirdParty = applied.find((a) => a.invoice.billTo === "THIRD_PARTY")?.invoice.billToName ?? null;
  const printedAt = new Date();
  const bytes = await renderReceiptPdf({
    clinic: {
      name: settings.name,
      legalName: settings.legalName ?? settings.name,
      taxId: settings.taxId,
      timezone: settings.timezone,
      dateOrder: settings.dateOrder,
    },
    paperSize: isPaperSize(settings.paperSize) ? settings.paperSize : "A4",
    location: payment.location,
    receiptNumber: payment.receiptNumber,
    takenAt: payment.takenAt,
    takenBy: taker?.name ?? "Clinic staff",
    patient: { name: `${payment.patient.firstName} ${payment.patient.lastName}`, mrn: payment.patient.mrn },
    billTo: thirdParty,
    method: PAYMENT_METHOD_LABELS[payment.method],
    reference: payment.reference,
    amount: money(payment.amountMinor),
    paid: applied.map((a) => ({ number: a.invoice.number ?? "", amount: money(a.amountMinor) })),
    credited: payment.amountMinor > appliedMinor ? money(payment.amountMinor - appliedMinor) : null,
    refunded: payment.refunds.map((r) => ({
      amount: money(r.amountMinor),
      method: PAYMENT_METHOD_LABELS[r.method].toLowerCase(),
      at: r.refundedAt,
    })),
    creditLeft: money(account.creditMinor),
    printedAt,
    hour12: settings.hour12,
  });
  await recordAuditEvent(db, {
    actor,
    action: "receipt.printed",
    targetType: "payment",
    targetId: paymentId,
    details: { patientId: payment.patientId, receiptNumber: payment.receiptNumber },
  });
  return { fileName: `receipt-${payment.receiptNumber}.pdf`, bytes };
}
