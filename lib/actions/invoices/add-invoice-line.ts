"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { addInvoiceLine } from "@/lib/billing/invoices/draft-lines";
import { addInvoiceLineSchema } from "@/lib/validations/invoices";

/** Adds a price-list or free-text line to a draft invoice; amounts worked out on the server. */
export const addInvoiceLineAction = defineClinicAction({
  schema: addInvoiceLineSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) =>
    addInvoiceLine({ db, actor, invoiceId: input.invoiceId, line: input.line }),
});
