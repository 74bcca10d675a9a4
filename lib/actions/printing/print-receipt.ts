"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { printReceipt, RECEIPT_NOT_FOUND } from "@/lib/documents/printing/print-receipt";

/** A payment's receipt as a PDF (receptionists print them at check-out); every print is audited. */
export const printReceiptAction = defineClinicAction({
  schema: z.object({ paymentId: z.uuid(RECEIPT_NOT_FOUND) }),
  permission: "billing.view",
  handler: ({ input, db, actor }) => printReceipt({ db, actor, paymentId: input.paymentId }),
});
