"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { changeMedicationStatus } from "@/lib/clinical/medications/line-status";
import { stopMedicationSchema } from "@/lib/validations/medications";

/** Stops a prescribed medication the patient was taking, with the reason (a doctor). */
export const stopMedicationAction = defineClinicAction({
  schema: stopMedicationSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    changeMedicationStatus({ db, actor, lineId: input.lineId, to: "STOPPED", reason: input.reason }),
});
