"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordImmunization } from "@/lib/clinical/immunizations";
import { recordImmunizationSchema } from "@/lib/validations/immunizations";

/** Records a vaccine given to the patient, here or elsewhere. */
export const recordImmunizationAction = defineClinicAction({
  schema: recordImmunizationSchema,
  permission: "immunizations.manage",
  handler: ({ input, db, actor }) => recordImmunization({ db, actor, input }),
});
