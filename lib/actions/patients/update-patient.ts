"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updatePatient } from "@/lib/clinic/patients";
import { updatePatientSchema } from "@/lib/validations/patients";

/** Corrects a patient's registration details (the record number never changes). */
export const updatePatientAction = defineClinicAction({
  schema: updatePatientSchema,
  permission: "patients.manage",
  handler: ({ input, db, actor }) => {
    const { patientId, ...details } = input;
    return updatePatient({ db, actor, patientId, input: details });
  },
});
