"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { rescheduleAppointment } from "@/lib/clinic/appointments";
import { findClinicClock } from "@/lib/clinic/settings";
import { rescheduleAppointmentInputSchema } from "@/lib/validations/appointments";

/** Moves a booked appointment to another time with the same doctor. */
export const rescheduleAppointmentAction = defineClinicAction({
  schema: rescheduleAppointmentInputSchema,
  permission: "appointments.manage",
  handler: async ({ input, db, actor }) => {
    const appointment = await rescheduleAppointment({
      db,
      actor,
      ...input,
      ...(await findClinicClock(db)),
    });
    return { id: appointment.id, startsAt: appointment.startsAt, endsAt: appointment.endsAt };
  },
});
