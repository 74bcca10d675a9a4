"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordReportedMedication } from "@/lib/clinical/medications/reported-medications";
import { recordReportedMedicationSchema } from "@/lib/validations/medications";

/** Records a medicine the patient says they take (a nurse or a doctor). */
export const recordReportedMedicationAction = defineClinicAction({
  schema: recordReportedMedicationSchema,
  permission: "medications.recordReported",
  handler: ({ input, db, actor }) => recordReportedMedication({ db, actor, input }),
});
