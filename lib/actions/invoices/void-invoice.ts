"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { voidInvoice } from "@/lib/billing/invoices/void-invoice";
import { voidInvoiceSchema } from "@/lib/validations/invoices";

/** Voids an issued invoice with a credit note; what was paid on it becomes the patient's credit. */
export const voidInvoiceAction = defineClinicAction({
  schema: voidInvoiceSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) =>
    voidInvoice({ db, actor, invoiceId: input.invoiceId, reason: input.reason }),
});
