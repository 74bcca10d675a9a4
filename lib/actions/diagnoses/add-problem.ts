"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { addDiagnosis } from "@/lib/clinical/diagnoses";
import { addProblemSchema } from "@/lib/validations/diagnoses";

/** Adds a problem to the patient's problem list, outside any visit. */
export const addProblemAction = defineClinicAction({
  schema: addProblemSchema,
  permission: "diagnoses.manage",
  handler: ({ input, db, actor }) => addDiagnosis({ db, actor, input: { ...input, onProblemList: true } }),
});
