"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { markDiagnosisEnteredInError } from "@/lib/clinical/diagnoses";
import { enteredInErrorSchema } from "@/lib/validations/diagnoses";

/** Marks a diagnosis entered in error, with the reason (kept, hidden by default). */
export const markDiagnosisEnteredInErrorAction = defineClinicAction({
  schema: enteredInErrorSchema,
  permission: "diagnoses.manage",
  handler: ({ input, db, actor }) => markDiagnosisEnteredInError({ db, actor, ...input }),
});
