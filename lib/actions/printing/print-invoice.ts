"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { INVOICE_NOT_FOUND, printInvoice } from "@/lib/documents/printing/print-invoice";

/**
 * An issued invoice or credit note as a PDF (a reprint says COPY); every print is logged and
 * audited. billing.view: the front desk hands the patient their invoice at check-out, as it does
 * receipts; doctors and nurses see only whether a patient owes.
 */
export const printInvoiceAction = defineClinicAction({
  schema: z.object({ invoiceId: z.uuid(INVOICE_NOT_FOUND) }),
  permission: "billing.view",
  handler: ({ input, db, actor }) => printInvoice({ db, actor, invoiceId: input.invoiceId }),
});
