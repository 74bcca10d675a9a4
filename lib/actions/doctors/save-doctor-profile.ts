"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { saveDoctorProfile } from "@/lib/clinic/doctors";
import { doctorProfileSchema } from "@/lib/validations/doctors";

/** Creates or updates the profile of a staff member with the doctor role. */
export const saveDoctorProfileAction = defineClinicAction({
  schema: doctorProfileSchema,
  permission: "staff.manage",
  handler: ({ input, db, actor }) => saveDoctorProfile({ db, actor, input }),
});
