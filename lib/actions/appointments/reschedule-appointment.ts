import { rescheduleAppointment } from "@/lib/clinic/appointments";
import { auditActorOf, recordAuditEvent } from "@/lib/clinic/audit";
import { findClinicTimeZone } from "@/lib/clinic/calendar";
import { rescheduleAppointmentInputSchema } from "@/lib/validations/appointments";
import { defineClinicAction } from "../clinic-action";

/** Moves a booked appointment to another time with the same doctor. */
export const rescheduleAppointmentAction = defineClinicAction({
  schema: rescheduleAppointmentInputSchema,
  permission: "appointments.manage",
  handler: async ({ input, session, db, client }) => {
    const before = await db.appointment.findUnique({
      where: { id: input.appointmentId },
      select: { startsAt: true },
    });
    const appointment = await rescheduleAppointment({
      db,
      ...input,
      timeZone: await findClinicTimeZone(db),
    });
    await recordAuditEvent(db, {
      actor: auditActorOf(session, client),
      action: "appointment.rescheduled",
      targetType: "appointment",
      targetId: appointment.id,
      details: {
        from: before?.startsAt.toISOString() ?? null,
        to: appointment.startsAt.toISOString(),
      },
    });
    return { id: appointment.id, startsAt: appointment.startsAt, endsAt: appointment.endsAt };
  },
});
