"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { appointmentRef, createAppointment } from "@/lib/clinic/appointments";
import { findClinicClock } from "@/lib/clinic/settings";
import { bookAppointmentSchema } from "@/lib/validations/appointments";

/** Books a patient with a doctor. */
export const bookAppointmentAction = defineClinicAction({
  schema: bookAppointmentSchema,
  permission: "appointments.manage",
  handler: async ({ input, db, actor }) => {
    const appointment = await createAppointment({
      db,
      actor,
      request: input,
      ...(await findClinicClock(db)),
    });
    return {
      id: appointment.id,
      ref: appointmentRef(appointment.id),
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
    };
  },
});
