"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { registerPatient } from "@/lib/clinic/patients";
import { patientSchema } from "@/lib/validations/patients";

/** Registers a patient; a likely duplicate is refused (CONFLICT on `confirmNotDuplicate`) until confirmed. */
export const registerPatientAction = defineClinicAction({
  schema: patientSchema,
  permission: "patients.manage",
  handler: ({ input, db, actor }) => registerPatient({ db, actor, input }),
});
