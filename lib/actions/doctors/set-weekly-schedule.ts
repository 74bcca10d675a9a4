"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { setWeeklySchedule } from "@/lib/clinic/doctors";
import { weeklyScheduleSchema } from "@/lib/validations/doctors";

/** Replaces a doctor's regular working hours (per location and weekday; no overlaps). */
export const setWeeklyScheduleAction = defineClinicAction({
  schema: weeklyScheduleSchema,
  permission: "staff.manage",
  handler: ({ input, db, actor }) => setWeeklySchedule({ db, actor, input }),
});
