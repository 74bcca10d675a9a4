import type { Actor } from "@/lib/auth/actor";
import { formatMoney } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { PaymentMethod } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances } from "../balances";
import { takeDocumentNumber } from "../document-numbers";
import { issueInvoice, lockInvoice } from "../issue-invoice";

export type Tender = { method: PaymentMethod; amountMinor: number; reference?: string | null };

export type TakenPayment = {
  invoiceNumber: string;
  /** True when this payment issued the draft. */
  issued: boolean;
  receipts: { paymentId: string; receiptNumber: string; amountMinor: number; appliedMinor: number }[];
  balanceMinor: number;
  /** What went to the patient's credit (an overpayment, or everything on a voided invoice). */
  creditedMinor: number;
  /** What to tell the cashier, in words. */
  message: string;
};

export const INVOICE_NOT_FOUND = "No such invoice in this clinic. Open the patient's account again.";

/**
 * Takes one or more tenders (part cash, part card) for an invoice in ONE transaction: the invoice
 * is locked (so cashiers paying it at once go in turn), a draft is issued first (check-out never
 * waits for billing), each tender is a payment with the next gapless receipt number, and each is
 * applied up to what is still due; the rest is the patient's credit. A failure anywhere rolls all
 * of it back, the invoice and receipt numbers included.
 */
export async function takePayment(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
  tenders: Tender[];
  now?: Date;
}): Promise<TakenPayment> {
  const { db, actor, invoiceId, tenders } = options;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { kind: true, status: true, number: true, patientId: true, locationId: true, currency: true },
    });
    if (invoice?.kind !== "INVOICE") throw new AppError("NOT_FOUND", INVOICE_NOT_FOUND);
    const issued = invoice.status === "DRAFT";
    const number = issued
      ? (await issueInvoice(tx, { actor, invoiceId, now })).number
      : (invoice.number ?? "");
    const balance = (await findInvoiceBalances(tx, [invoiceId])).get(invoiceId);
    const voided = balance?.state === "VOID";
    let dueMinor = balance?.balanceMinor ?? 0;
    const { timezone } = await tx.clinicSetting.findUniqueOrThrow({
      where: { id: 1 },
      select: { timezone: true },
    });
    const year = Number(localDateOf(now, timezone).slice(0, 4));
    const receipts: TakenPayment["receipts"] = [];
    for (const tender of tenders) {
      const receiptNumber = await takeDocumentNumber(tx, "RCT", year);
      const payment = await tx.payment.create({
        data: {
          receiptNumber,
          patientId: invoice.patientId,
          locationId: invoice.locationId,
          method: tender.method,
          amountMinor: tender.amountMinor,
          reference: tender.reference?.trim() || null,
          takenById: actor.id,
          takenAt: now,
        },
      });
      const appliedMinor = Math.min(tender.amountMinor, dueMinor);
      if (appliedMinor > 0) {
        await tx.paymentAllocation.create({
          data: {
            paymentId: payment.id,
            invoiceId,
            amountMinor: appliedMinor,
            appliedById: actor.id,
            appliedAt: now,
          },
        });
        dueMinor -= appliedMinor;
      }
      await recordAuditEvent(tx, {
        actor,
        action: "payment.taken",
        targetType: "payment",
        targetId: payment.id,
        details: {
          patientId: invoice.patientId,
          invoiceId,
          receiptNumber,
          method: tender.method,
          amountMinor: tender.amountMinor,
          appliedMinor,
          currency: invoice.currency,
        },
      });
      receipts.push({ paymentId: payment.id, receiptNumber, amountMinor: tender.amountMinor, appliedMinor });
    }
    const creditedMinor = receipts.reduce((sum, r) => sum + r.amountMinor - r.appliedMinor, 0);
    return {
      invoiceNumber: number,
      issued,
      receipts,
      balanceMinor: dueMinor,
      creditedMinor,
      message: messageOf({ number, issued, voided, dueMinor, creditedMinor, currency: invoice.currency }),
    };
  }, BUSY_DESK);
}

/** Cashiers paying one invoice wait their turn on its lock rather than fail. */
export const BUSY_DESK = { timeout: 15_000, maxWait: 15_000 };

function messageOf(o: {
  number: string;
  issued: boolean;
  voided: boolean;
  dueMinor: number;
  creditedMinor: number;
  currency: string;
}): string {
  const money = (minor: number) => formatMoney(minor, o.currency);
  if (o.voided)
    return `Invoice ${o.number} was voided, so nothing is due on it: the whole payment (${money(o.creditedMinor)}) is kept as the patient's credit. Apply it to another invoice or refund it.`;
  const parts = [o.issued ? `Invoice ${o.number} issued and paid.` : `Payment taken on invoice ${o.number}.`];
  if (o.issued && o.dueMinor > 0) parts[0] = `Invoice ${o.number} issued; part paid.`;
  parts.push(o.dueMinor > 0 ? `${money(o.dueMinor)} is still due.` : "Nothing more is due on it.");
  if (o.creditedMinor > 0)
    parts.push(`${money(o.creditedMinor)} more than was due is kept as the patient's credit.`);
  return parts.join(" ");
}
