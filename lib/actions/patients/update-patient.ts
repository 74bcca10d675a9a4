import { z } from "zod";
import { auditActorOf } from "@/lib/clinic/audit";
import { updatePatient } from "@/lib/clinic/patients";
import { patientSchema } from "@/lib/validations/patients";
import { defineClinicAction } from "../clinic-action";

export const updatePatientSchema = patientSchema
  .omit({ confirmNotDuplicate: true })
  .extend({ patientId: z.uuid("Choose a patient.") });

/** Corrects a patient's registration details (the record number never changes). */
export const updatePatientAction = defineClinicAction({
  schema: updatePatientSchema,
  permission: "patients.manage",
  handler: ({ input, session, db, client }) => {
    const { patientId, ...details } = input;
    return updatePatient({ db, actor: auditActorOf(session, client), patientId, input: details });
  },
});
