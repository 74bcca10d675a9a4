"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { resolveDiagnosis } from "@/lib/clinical/diagnoses";
import { resolveDiagnosisSchema } from "@/lib/validations/diagnoses";

/** Marks an active problem or diagnosis resolved. */
export const resolveDiagnosisAction = defineClinicAction({
  schema: resolveDiagnosisSchema,
  permission: "diagnoses.manage",
  handler: ({ input, db, actor }) => resolveDiagnosis({ db, actor, diagnosisId: input.diagnosisId }),
});
