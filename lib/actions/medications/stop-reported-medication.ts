"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { endReportedMedication } from "@/lib/clinical/medications/reported-medications";
import { stopReportedMedicationSchema } from "@/lib/validations/medications";

/** Records that the patient no longer takes a medicine they reported, with the reason. */
export const stopReportedMedicationAction = defineClinicAction({
  schema: stopReportedMedicationSchema,
  permission: "medications.recordReported",
  handler: ({ input, db, actor }) => endReportedMedication({ db, actor, ...input, to: "STOPPED" }),
});
