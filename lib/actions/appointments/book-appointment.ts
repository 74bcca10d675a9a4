import { appointmentRef, createAppointment } from "@/lib/clinic/appointments";
import { auditActorOf, recordAuditEvent } from "@/lib/clinic/audit";
import { findClinicTimeZone } from "@/lib/clinic/calendar";
import { bookAppointmentSchema } from "@/lib/validations/appointments";
import { defineClinicAction } from "../clinic-action";

/** Books a patient with a doctor; the audit event names ids only, never the patient. */
export const bookAppointmentAction = defineClinicAction({
  schema: bookAppointmentSchema,
  permission: "appointments.manage",
  handler: async ({ input, session, db, client }) => {
    const appointment = await createAppointment({
      db,
      request: input,
      createdById: session.user.id,
      timeZone: await findClinicTimeZone(db),
    });
    await recordAuditEvent(db, {
      actor: auditActorOf(session, client),
      action: "appointment.booked",
      targetType: "appointment",
      targetId: appointment.id,
      details: {
        patientId: appointment.patientId,
        doctorId: appointment.doctorId,
        locationId: appointment.locationId,
        startsAt: appointment.startsAt.toISOString(),
      },
    });
    return {
      id: appointment.id,
      ref: appointmentRef(appointment.id),
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
    };
  },
});
