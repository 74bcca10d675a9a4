"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { refundPayment } from "@/lib/billing/payments/refund-payment";
import { refundPaymentSchema } from "@/lib/validations/payments";

/** Refunds a payment's unapplied money to a method, with a reason (billing only). */
export const refundPaymentAction = defineClinicAction({
  schema: refundPaymentSchema,
  permission: "payments.refund",
  handler: ({ input, db, actor }) => refundPayment({ db, actor, ...input }),
});
