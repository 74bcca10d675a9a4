import { auditActorOf } from "@/lib/clinic/audit";
import { setWeeklySchedule } from "@/lib/clinic/doctors";
import { weeklyScheduleSchema } from "@/lib/validations/doctors";
import { defineClinicAction } from "../clinic-action";

/** Replaces a doctor's regular working hours (per location and weekday; no overlaps). */
export const setWeeklyScheduleAction = defineClinicAction({
  schema: weeklyScheduleSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    setWeeklySchedule({ db, actor: auditActorOf(session, client), input }),
});
