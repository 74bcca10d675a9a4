import type { Actor } from "@/lib/auth/actor";
import {
  createAppointmentDraft,
  deleteAppointmentDraft,
  releaseAppointmentDraft,
} from "@/lib/billing/invoices/appointment-drafts";
import { AppError } from "../errors";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { changedMeanwhile } from "./appointments";
import { recordAuditEvent } from "./audit";
import { formatClinicDay, formatClinicTime, localDateOf } from "./time";

/** Which status may follow which: the front desk's day, in order, plus cancel and no-show. */
const NEXT: Record<AppointmentStatus, AppointmentStatus[]> = {
  BOOKED: ["CHECKED_IN", "CANCELLED", "NO_SHOW"],
  // Back to booked: "Undo check-in" / "Undo no-show" for a patient marked by mistake.
  CHECKED_IN: ["IN_PROGRESS", "CANCELLED", "BOOKED"],
  IN_PROGRESS: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: ["BOOKED"],
};

/**
 * booked → checked in → in progress → completed, or cancelled (with a reason) / no-show. Check-in
 * only on the appointment's own day and a no-show only once it has started, in the clinic's time
 * zone. With `doctorId`, only that doctor's own appointments (a doctor moving their own visit).
 * What each move does to the visit's invoice, in the same transaction:
 * - booked → checked in drafts it from the type; booked → no-show drafts the no-show fee (if any);
 * - checked in / no-show → booked (an undo) removes the untouched draft, and is refused once the
 *   invoice is issued or paid: billing voids it first;
 * - checked in → cancelled removes the untouched draft; an issued or paid one stays (billing voids
 *   it with a credit note) and `invoiceNotice` says so for the receptionist;
 * - booked → cancelled has no invoice yet; in progress and completed leave it as it is.
 * The cancel reason stays on the appointment only: it is free text and may describe the patient,
 * so the audit log does not copy it.
 */
export async function changeAppointmentStatus(options: {
  db: TenantDb;
  actor: Actor;
  appointmentId: string;
  to: AppointmentStatus;
  timeZone: string;
  hour12?: boolean;
  cancelReason?: string;
  doctorId?: string;
  now?: Date;
}) {
  const { db, actor, appointmentId, to, timeZone } = options;
  const now = options.now ?? new Date();
  const appointment = await db.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment || (options.doctorId && appointment.doctorId !== options.doctorId))
    throw new AppError(
      "NOT_FOUND",
      options.doctorId ? "This is not one of your appointments." : "No such appointment in this clinic.",
    );
  if (!NEXT[appointment.status].includes(to)) {
    throw new AppError("CONFLICT", `A ${label(appointment.status)} appointment cannot become ${label(to)}.`);
  }
  if (to === "CHECKED_IN" && localDateOf(appointment.startsAt, timeZone) !== localDateOf(now, timeZone)) {
    throw new AppError(
      "CONFLICT",
      `Patients can be checked in only on the day of their appointment (${formatClinicDay(appointment.startsAt, timeZone)}).`,
    );
  }
  if (to === "NO_SHOW" && now < appointment.startsAt) {
    throw new AppError(
      "CONFLICT",
      `A patient can be marked as not having come only once the appointment has started (${formatClinicTime(appointment.startsAt, timeZone, options)}).`,
    );
  }
  return db.$transaction(async (tx) => {
    const moved = await tx.appointment.updateMany({
      where: { id: appointmentId, status: appointment.status },
      data: {
        status: to,
        ...(to === "CANCELLED" ? { cancelReason: options.cancelReason } : {}),
        ...(to === "CHECKED_IN" ? { checkedInAt: now } : {}),
        ...(to === "BOOKED" ? { checkedInAt: null } : {}),
      },
    });
    if (moved.count === 0) throw changedMeanwhile();
    if (to === "CHECKED_IN" || to === "NO_SHOW")
      await createAppointmentDraft(tx, {
        actor,
        appointmentId,
        reason: to === "NO_SHOW" ? "no-show" : "check-in",
      });
    if (to === "BOOKED")
      await deleteAppointmentDraft(tx, {
        actor,
        appointmentId,
        undoing: appointment.status === "NO_SHOW" ? "no-show" : "check-in",
      });
    const invoiceNotice =
      to === "CANCELLED" ? await releaseAppointmentDraft(tx, { actor, appointmentId }) : null;
    await recordAuditEvent(tx, {
      actor,
      action: "appointment.status-changed",
      targetType: "appointment",
      targetId: appointmentId,
      details: { from: appointment.status, to },
    });
    const updated = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    return { ...updated, from: appointment.status, invoiceNotice };
  });
}

function label(status: AppointmentStatus): string {
  return status.toLowerCase().replace("_", " ");
}
