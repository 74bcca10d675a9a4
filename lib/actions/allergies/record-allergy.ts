"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordAllergy } from "@/lib/clinical/allergies";
import { recordAllergySchema } from "@/lib/validations/allergies";

/** Records an allergy or intolerance on a patient (and clears "no known allergies"). */
export const recordAllergyAction = defineClinicAction({
  schema: recordAllergySchema,
  permission: "allergies.manage",
  handler: ({ input, db, actor }) => recordAllergy({ db, actor, input }),
});
