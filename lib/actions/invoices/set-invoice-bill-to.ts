"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { setInvoiceBillTo } from "@/lib/billing/invoices/bill-to";
import { setBillToSchema } from "@/lib/validations/invoices";

/** Addresses a draft invoice to the patient or a third party. */
export const setInvoiceBillToAction = defineClinicAction({
  schema: setBillToSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) => setInvoiceBillTo({ db, actor, ...input }),
});
