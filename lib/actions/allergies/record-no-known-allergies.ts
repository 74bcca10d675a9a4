"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordNoKnownAllergies } from "@/lib/clinical/allergies";
import { noKnownAllergiesSchema } from "@/lib/validations/allergies";

/** Records that the patient has no known allergies (refused while one is listed). */
export const recordNoKnownAllergiesAction = defineClinicAction({
  schema: noKnownAllergiesSchema,
  permission: "allergies.manage",
  handler: ({ input, db, actor }) => recordNoKnownAllergies({ db, actor, patientId: input.patientId }),
});
