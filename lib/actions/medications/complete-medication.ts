"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { changeMedicationStatus } from "@/lib/clinical/medications/line-status";
import { medicationLineSchema } from "@/lib/validations/medications";

/** Marks a prescribed medication's course done before its end (a doctor). */
export const completeMedicationAction = defineClinicAction({
  schema: medicationLineSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    changeMedicationStatus({ db, actor, lineId: input.lineId, to: "COMPLETED" }),
});
