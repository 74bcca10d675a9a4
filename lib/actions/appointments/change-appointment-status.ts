import { changeAppointmentStatus } from "@/lib/clinic/appointments";
import { auditActorOf, recordAuditEvent } from "@/lib/clinic/audit";
import { appointmentStatusSchema } from "@/lib/validations/appointments";
import { defineClinicAction } from "../clinic-action";

/**
 * Check in, start, complete, cancel or no-show. The cancel reason stays on the appointment only:
 * it is free text and may describe the patient, so the audit log does not copy it.
 */
export const changeAppointmentStatusAction = defineClinicAction({
  schema: appointmentStatusSchema,
  permission: "appointments.manage",
  handler: async ({ input, session, db, client }) => {
    const before = await db.appointment.findUnique({
      where: { id: input.appointmentId },
      select: { status: true },
    });
    const appointment = await changeAppointmentStatus({
      db,
      appointmentId: input.appointmentId,
      to: input.to,
      cancelReason: input.to === "CANCELLED" ? input.cancelReason : undefined,
    });
    await recordAuditEvent(db, {
      actor: auditActorOf(session, client),
      action: "appointment.status-changed",
      targetType: "appointment",
      targetId: appointment.id,
      details: { from: before?.status ?? null, to: appointment.status },
    });
    return { id: appointment.id, status: appointment.status };
  },
});
