"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { removeInvoiceLine } from "@/lib/billing/invoices/draft-lines";
import { removeInvoiceLineSchema } from "@/lib/validations/invoices";

/** Takes a line off a draft invoice. */
export const removeInvoiceLineAction = defineClinicAction({
  schema: removeInvoiceLineSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) => removeInvoiceLine({ db, actor, lineId: input.lineId }),
});
