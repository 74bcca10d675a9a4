"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { applyCredit } from "@/lib/billing/payments/apply-credit";
import { applyCreditSchema } from "@/lib/validations/payments";

/** Applies the patient's credit to one of their issued invoices. */
export const applyCreditAction = defineClinicAction({
  schema: applyCreditSchema,
  permission: "payments.take",
  handler: ({ input, db, actor }) =>
    applyCredit({ db, actor, invoiceId: input.invoiceId, amountMinor: input.amountMinor }),
});
