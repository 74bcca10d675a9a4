import type { Actor } from "@/lib/auth/actor";
import { findPatientAccount } from "@/lib/billing/balances";
import { formatMoney } from "@/lib/billing/money-input";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { PAYMENT_METHOD_LABELS } from "@/lib/validations/payments";
import { isPaperSize } from "../country-profiles";
import { renderReceiptPdf } from "../pdf/receipt-pdf";
import { type PrintedFile, printDocument } from "../prints";

export const RECEIPT_NOT_FOUND = "No such receipt in this clinic. Open it again from the patient's account.";

/**
 * A payment's receipt as a PDF: what was received, how, what it paid and the patient's credit
 * now. Each print is in the document print log, so a reprint is marked COPY.
 */
export function printReceipt(options: {
  db: TenantDb;
  actor: Actor;
  paymentId: string;
}): Promise<PrintedFile> {
  const { db, actor, paymentId } = options;
  return printDocument({
    db,
    actor,
    kind: "RECEIPT",
    subjectId: paymentId,
    prepare: async (tx) => {
      const payment = await tx.payment.findUnique({
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
        tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
        tx.staffUser.findUnique({ where: { id: payment.takenById }, select: { name: true } }),
        findPatientAccount(tx, payment.patientId),
      ]);
      return {
        patientId: payment.patientId,
        number: payment.receiptNumber,
        payment,
        settings,
        taker,
        account,
      };
    },
    render: async ({ payment, settings, taker, account }, print, clock) => {
      const money = (minor: number) => formatMoney(minor, settings.currency);
      const applied = payment.allocations.filter((a) => a.amountMinor > 0 && !a.fromCredit);
      const appliedMinor = applied.reduce((sum, a) => sum + a.amountMinor, 0);
      const thirdParty = applied.find((a) => a.invoice.billTo === "THIRD_PARTY")?.invoice.billToName ?? null;
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
        patient: {
          name: `${payment.patient.firstName} ${payment.patient.lastName}`,
          mrn: payment.patient.mrn,
        },
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
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      });
      return { fileName: `receipt-${payment.receiptNumber}.pdf`, bytes };
    },
  });
}
