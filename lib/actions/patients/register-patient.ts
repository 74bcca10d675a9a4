import { auditActorOf } from "@/lib/clinic/audit";
import { registerPatient } from "@/lib/clinic/patients";
import { patientSchema } from "@/lib/validations/patients";
import { defineClinicAction } from "../clinic-action";

/** Registers a patient; a likely duplicate is refused (CONFLICT on `confirmNotDuplicate`) until confirmed. */
export const registerPatientAction = defineClinicAction({
  schema: patientSchema,
  permission: "patients.manage",
  handler: ({ input, session, db, client }) =>
    registerPatient({ db, actor: auditActorOf(session, client), input }),
});
