"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateInvoiceLine } from "@/lib/billing/invoices/draft-lines";
import { updateInvoiceLineSchema } from "@/lib/validations/invoices";

/** Changes a draft line's description, quantity, unit price or discount. */
export const updateInvoiceLineAction = defineClinicAction({
  schema: updateInvoiceLineSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) => {
    const { lineId, ...change } = input;
    return updateInvoiceLine({ db, actor, lineId, change });
  },
});
