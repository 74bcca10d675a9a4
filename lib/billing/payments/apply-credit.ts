import type { Actor } from "@/lib/auth/actor";
import { formatMoney } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances } from "../balances";
import { lockInvoice } from "../issue-invoice";
import { lockPatientMoney } from "./money-locks";
import { BUSY_DESK, INVOICE_NOT_FOUND } from "./take-payment";
import { findUnappliedPayments } from "./unapplied-money";

/**
 * Applies the patient's credit to an issued invoice, by choice: taken from their payments with
 * unapplied money, oldest first, never more than the invoice's balance (nor than `amountMinor`
 * when given). The invoice, then the patient's money, are locked so nothing is spent twice.
 */
export async function applyCredit(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
  amountMinor?: number;
}): Promise<{ appliedMinor: number; balanceMinor: number; creditLeftMinor: number; message: string }> {
  const { db, actor, invoiceId } = options;
  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { kind: true, status: true, number: true, patientId: true, currency: true },
    });
    if (invoice?.kind !== "INVOICE") throw new AppError("NOT_FOUND", INVOICE_NOT_FOUND);
    const money = (minor: number) => formatMoney(minor, invoice.currency);
    if (invoice.status === "DRAFT")
      throw new AppError(
        "CONFLICT",
        "This invoice is still a draft: take a payment to issue it, or issue it first.",
      );
    const balance = (await findInvoiceBalances(tx, [invoiceId])).get(invoiceId);
    if (balance?.state === "VOID")
      throw new AppError("CONFLICT", `Invoice ${invoice.number} was voided: nothing is due on it.`);
    await lockPatientMoney(tx, invoice.patientId);
    const sources = await findUnappliedPayments(tx, invoice.patientId);
    const creditMinor = sources.reduce((sum, source) => sum + source.unappliedMinor, 0);
    if (creditMinor === 0) throw new AppError("CONFLICT", "The patient has no credit to apply.");
    const dueMinor = balance?.balanceMinor ?? 0;
    if (dueMinor === 0) throw new AppError("CONFLICT", `Nothing is due on invoice ${invoice.number}.`);
    let left = Math.min(dueMinor, creditMinor, options.amountMinor ?? Number.MAX_SAFE_INTEGER);
    const appliedMinor = left;
    for (const source of sources) {
      if (left === 0) break;
      const amountMinor = Math.min(left, source.unappliedMinor);
      await tx.paymentAllocation.create({
        data: { paymentId: source.id, invoiceId, amountMinor, fromCredit: true, appliedById: actor.id },
      });
      left -= amountMinor;
    }
    await recordAuditEvent(tx, {
      actor,
      action: "credit.applied",
      targetType: "invoice",
      targetId: invoiceId,
      details: {
        patientId: invoice.patientId,
        number: invoice.number,
        amountMinor: appliedMinor,
        currency: invoice.currency,
      },
    });
    const balanceMinor = dueMinor - appliedMinor;
    const creditLeftMinor = creditMinor - appliedMinor;
    return {
      appliedMinor,
      balanceMinor,
      creditLeftMinor,
      message: `${money(appliedMinor)} of credit applied to invoice ${invoice.number}. ${
        balanceMinor > 0 ? `${money(balanceMinor)} is still due.` : "Nothing more is due on it."
      } Credit left: ${money(creditLeftMinor)}.`,
    };
  }, BUSY_DESK);
}
