"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateAllergy } from "@/lib/clinical/allergies";
import { updateAllergySchema } from "@/lib/validations/allergies";

/** Changes an allergy's status or verification (entered in error, with the reason). */
export const updateAllergyAction = defineClinicAction({
  schema: updateAllergySchema,
  permission: "allergies.manage",
  handler: ({ input, db, actor }) => updateAllergy({ db, actor, input }),
});
