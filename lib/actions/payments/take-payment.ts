"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { takePayment } from "@/lib/billing/payments/take-payment";
import { takePaymentSchema } from "@/lib/validations/payments";

/** Takes a payment (one or several tenders) on an invoice, issuing it first when it is a draft. */
export const takePaymentAction = defineClinicAction({
  schema: takePaymentSchema,
  permission: "payments.take",
  handler: ({ input, db, actor }) =>
    takePayment({ db, actor, invoiceId: input.invoiceId, tenders: input.tenders }),
});
