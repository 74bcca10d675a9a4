"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { VISIT_NOT_FOUND } from "@/lib/clinical/visit-summary";
import { printVisitSummary } from "@/lib/documents/printing/print-visit-summary";

/** A visit's summary for the patient as a PDF (a reprint says COPY); every print is logged and audited. */
export const printVisitSummaryAction = defineClinicAction({
  schema: z.object({ visitId: z.uuid(VISIT_NOT_FOUND) }),
  permission: "summaries.print",
  handler: ({ input, db, actor }) => printVisitSummary({ db, actor, visitId: input.visitId }),
});
