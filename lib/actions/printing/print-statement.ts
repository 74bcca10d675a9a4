"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { printStatement } from "@/lib/documents/printing/print-statement";
import { printStatementSchema } from "@/lib/validations/billing-reports";

/** A patient's statement for a period as a PDF; every print is audited. */
export const printStatementAction = defineClinicAction({
  schema: printStatementSchema,
  permission: "billing.reports",
  handler: ({ input, db, actor }) =>
    printStatement({ db, actor, patientId: input.patientId, from: input.from, to: input.to }),
});
