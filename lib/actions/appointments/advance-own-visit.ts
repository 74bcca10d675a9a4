"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { changeAppointmentStatus } from "@/lib/clinic/appointment-status";
import { findClinicClock } from "@/lib/clinic/settings";
import { ownVisitSchema } from "@/lib/validations/appointments";

/** A doctor starts or completes one of their own visits; another doctor's is not theirs to move. */
export const advanceOwnVisitAction = defineClinicAction({
  schema: ownVisitSchema,
  permission: "appointments.ownVisits",
  handler: async ({ input, db, actor }) => {
    const appointment = await changeAppointmentStatus({
      db,
      actor,
      appointmentId: input.appointmentId,
      to: input.to,
      doctorId: actor.id,
      ...(await findClinicClock(db)),
    });
    return { id: appointment.id, status: appointment.status };
  },
});
