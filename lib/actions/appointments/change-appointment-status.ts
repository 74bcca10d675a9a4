"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { changeAppointmentStatus } from "@/lib/clinic/appointment-status";
import { findClinicClock } from "@/lib/clinic/settings";
import { appointmentStatusSchema } from "@/lib/validations/appointments";

/** Check in, start, complete, cancel (with a reason), no-show, or undo a check-in or no-show. */
export const changeAppointmentStatusAction = defineClinicAction({
  schema: appointmentStatusSchema,
  permission: "appointments.manage",
  handler: async ({ input, db, actor }) => {
    const appointment = await changeAppointmentStatus({
      db,
      actor,
      appointmentId: input.appointmentId,
      to: input.to,
      cancelReason: input.to === "CANCELLED" ? input.cancelReason : undefined,
      ...(await findClinicClock(db)),
    });
    const { id, status, from, invoiceNotice } = appointment;
    return { id, status, from, invoiceNotice };
  },
});
