"use client";

import { useActionCall } from "@/components/ui/use-action-call";
import { advanceOwnVisitAction } from "@/lib/actions/appointments/advance-own-visit";
import { changeAppointmentStatusAction } from "@/lib/actions/appointments/change-appointment-status";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";
import { STATUS_LABEL } from "./appointment-status";

export type StatusStep = { to: Exclude<AppointmentStatus, "CANCELLED">; label: string };

/** The one-click steps of the front desk's day (cancelling asks for a reason, so it is not one). */
export const NEXT_STEPS: Partial<Record<AppointmentStatus, StatusStep[]>> = {
  BOOKED: [
    { to: "CHECKED_IN", label: "Check in" },
    { to: "NO_SHOW", label: "No-show" },
  ],
  // Undo: back to booked, for a patient checked in by mistake (its draft invoice goes too).
  CHECKED_IN: [
    { to: "IN_PROGRESS", label: "Start" },
    { to: "BOOKED", label: "Undo check-in" },
  ],
  IN_PROGRESS: [{ to: "COMPLETED", label: "Complete" }],
  // Undo: back to booked, for a patient marked by mistake (a no-show fee's draft goes too).
  NO_SHOW: [{ to: "BOOKED", label: "Undo no-show" }],
};

/**
 * Who moves an appointment on: the front desk every step, or its own doctor (starting and
 * completing their visit only, checked again on the server); anyone else only looks.
 */
export type StepMode = "front-desk" | "own-visit";

export function stepModeOf(
  appointment: CalendarAppointment,
  viewer: { canManage: boolean; ownDoctorId: string | null },
): StepMode | null {
  if (viewer.canManage) return "front-desk";
  return appointment.doctor.id === viewer.ownDoctorId ? "own-visit" : null;
}

// A doctor starts their own visit with "Start visit" (the visit opens with it), then completes it here.
const OWN_VISIT_STEPS: AppointmentStatus[] = ["COMPLETED"];

export function stepsOf(status: AppointmentStatus, mode: StepMode): StatusStep[] {
  const steps = NEXT_STEPS[status] ?? [];
  return mode === "front-desk" ? steps : steps.filter((step) => OWN_VISIT_STEPS.includes(step.to));
}

export const CANCELLABLE: AppointmentStatus[] = ["BOOKED", "CHECKED_IN"];

/** What the server says about a move: where from, and what stays of the visit's invoice. */
export type StatusChanged = {
  status: AppointmentStatus;
  from?: AppointmentStatus;
  invoiceNotice?: string | null;
};

const UNDONE: Partial<Record<AppointmentStatus, string>> = { CHECKED_IN: "check-in", NO_SHOW: "no-show" };

/**
 * What the front desk is told once an appointment of `who` has moved: "Sky Arrow: checked in.",
 * "Sky Arrow: no-show undone.", with what became of the invoice when it stays.
 */
export function statusChangedMessage(who: string, changed: StatusChanged): string {
  const undone = changed.status === "BOOKED" && changed.from ? UNDONE[changed.from] : undefined;
  const moved = undone ? `${undone} undone` : STATUS_LABEL[changed.status].toLowerCase();
  return [`${who}: ${moved}.`, changed.invoiceNotice].filter(Boolean).join(" ");
}

/** Moves `who`'s appointment to another status, says so, and re-reads the page. */
export function useStatusChange(who: string, mode: StepMode, onDone?: () => void) {
  return useActionCall(mode === "own-visit" ? advanceOwnVisitAction : changeAppointmentStatusAction, {
    success: (changed) => statusChangedMessage(who, changed),
    onSuccess: onDone,
  });
}
