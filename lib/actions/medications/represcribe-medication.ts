"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { represcribeMedication } from "@/lib/clinical/medications/represcribe";
import { medicationLineSchema } from "@/lib/validations/medications";

/** Copies a prescribed medication into a new draft prescription of the doctor's; returns its id. */
export const represcribeMedicationAction = defineClinicAction({
  schema: medicationLineSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) => represcribeMedication({ db, actor, lineId: input.lineId }),
});
