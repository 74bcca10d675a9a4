"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { startVisitFromAppointment } from "@/lib/clinical/visits";
import { startVisitSchema } from "@/lib/validations/visits";

/** A doctor opens the visit of their own checked-in appointment (the appointment moves to in progress); a second click opens the same visit. */
export const startVisitAction = defineClinicAction({
  schema: startVisitSchema,
  permission: "visits.start",
  handler: ({ input, db, actor }) =>
    startVisitFromAppointment({ db, actor, appointmentId: input.appointmentId }),
});
