import type { Actor } from "@/lib/auth/actor";
import { formatMoney } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { PaymentMethod } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { lockPatientMoney } from "./money-locks";
import { BUSY_DESK } from "./take-payment";
import { findUnappliedOf } from "./unapplied-money";

export const PAYMENT_NOT_FOUND = "No such payment in this clinic. Open the patient's account again.";

/**
 * Refunds part or all of a payment's unapplied money (neither applied to an invoice nor refunded
 * already), to a method, with a reason. Money applied to an invoice is refunded only after billing
 * voids that invoice, which turns it back into credit.
 */
export async function refundPayment(options: {
  db: TenantDb;
  actor: Actor;
  paymentId: string;
  amountMinor: number;
  method: PaymentMethod;
  reason: string;
}): Promise<{ refundId: string; unappliedLeftMinor: number; message: string }> {
  const { db, actor, paymentId, amountMinor, method } = options;
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({
      where: { id: paymentId },
      select: { patientId: true, receiptNumber: true, amountMinor: true },
    });
    if (!payment) throw new AppError("NOT_FOUND", PAYMENT_NOT_FOUND);
    const { currency } = await tx.clinicSetting.findUniqueOrThrow({
      where: { id: 1 },
      select: { currency: true },
    });
    const money = (minor: number) => formatMoney(minor, currency);
    await lockPatientMoney(tx, payment.patientId);
    const unappliedMinor = await findUnappliedOf(tx, paymentId);
    if (amountMinor > unappliedMinor)
      throw new AppError(
        "CONFLICT",
        unappliedMinor === 0
          ? `Nothing of receipt ${payment.receiptNumber} can be refunded: all of it paid an invoice or was refunded. To refund money that paid an invoice, void the invoice first; its payment then becomes credit.`
          : `At most ${money(unappliedMinor)} of receipt ${payment.receiptNumber} can be refunded: the rest paid an invoice or was refunded. To refund more, void the invoice first; its payment then becomes credit.`,
        { amountMinor: `At most ${money(unappliedMinor)}.` },
      );
    const refund = await tx.refund.create({
      data: { paymentId, amountMinor, method, reason: options.reason.trim(), refundedById: actor.id },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "payment.refunded",
      targetType: "payment",
      targetId: paymentId,
      details: {
        patientId: payment.patientId,
        receiptNumber: payment.receiptNumber,
        refundId: refund.id,
        amountMinor,
        method,
        currency,
      },
    });
    const unappliedLeftMinor = unappliedMinor - amountMinor;
    return {
      refundId: refund.id,
      unappliedLeftMinor,
      message: `${money(amountMinor)} refunded from receipt ${payment.receiptNumber}. Give it back by ${method.replace("_", " ").toLowerCase()}.`,
    };
  }, BUSY_DESK);
}
