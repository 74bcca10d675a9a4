import { auditActorOf } from "@/lib/clinic/audit";
import { saveDoctorProfile } from "@/lib/clinic/doctors";
import { doctorProfileSchema } from "@/lib/validations/doctors";
import { defineClinicAction } from "../clinic-action";

/** Creates or updates the profile of a staff member with the doctor role. */
export const saveDoctorProfileAction = defineClinicAction({
  schema: doctorProfileSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    saveDoctorProfile({ db, actor: auditActorOf(session, client), input }),
});
