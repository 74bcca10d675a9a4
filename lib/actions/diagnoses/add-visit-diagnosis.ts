"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { addDiagnosis } from "@/lib/clinical/diagnoses";
import { addVisitDiagnosisSchema } from "@/lib/validations/diagnoses";

/** Adds a diagnosis to a visit of the patient, optionally also to their problem list. */
export const addVisitDiagnosisAction = defineClinicAction({
  schema: addVisitDiagnosisSchema,
  permission: "diagnoses.manage",
  handler: ({ input, db, actor }) => {
    const { addToProblemList, ...diagnosis } = input;
    return addDiagnosis({ db, actor, input: { ...diagnosis, onProblemList: addToProblemList } });
  },
});
