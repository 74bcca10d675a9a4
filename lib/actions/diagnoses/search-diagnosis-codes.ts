"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { searchIcd10cm } from "@/lib/clinical/icd10cm/search";
import { codeSearchSchema } from "@/lib/validations/diagnoses";

/** The ICD-10-CM list's entries for what the doctor types (a public list: nothing is audited). */
export const searchDiagnosisCodesAction = defineClinicAction({
  schema: codeSearchSchema,
  permission: "chart.view",
  handler: async ({ input }) => searchIcd10cm(input.query),
});
