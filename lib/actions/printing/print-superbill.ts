"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { printSuperbill } from "@/lib/documents/printing/print-superbill";
import { printSuperbillSchema } from "@/lib/validations/billing-reports";

/** A visit's superbill as a PDF for the patient's own insurance claim; every print is audited. */
export const printSuperbillAction = defineClinicAction({
  schema: printSuperbillSchema,
  permission: "billing.reports",
  handler: ({ input, db, actor }) => printSuperbill({ db, actor, visitId: input.visitId }),
});
