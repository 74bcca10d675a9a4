"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { endReportedMedication } from "@/lib/clinical/medications/reported-medications";
import { reportedMedicationEnteredInErrorSchema } from "@/lib/validations/medications";

/** Marks a reported medication entered in error (recorded by mistake), with the reason; the row is kept. */
export const markReportedMedicationEnteredInErrorAction = defineClinicAction({
  schema: reportedMedicationEnteredInErrorSchema,
  permission: "medications.recordReported",
  handler: ({ input, db, actor }) => endReportedMedication({ db, actor, ...input, to: "ENTERED_IN_ERROR" }),
});
