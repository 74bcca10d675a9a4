"use client";

import { useActionCall } from "@/components/ui/use-action-call";
import { changeAppointmentStatusAction } from "@/lib/actions/appointments/change-appointment-status";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";
import { STATUS_LABEL } from "./appointment-status";

export type StatusStep = { to: Exclude<AppointmentStatus, "BOOKED" | "CANCELLED">; label: string };

/** The one-click steps of the front desk's day (cancelling asks for a reason, so it is not one). */
export const NEXT_STEPS: Partial<Record<AppointmentStatus, StatusStep[]>> = {
  BOOKED: [
    { to: "CHECKED_IN", label: "Check in" },
    { to: "NO_SHOW", label: "No-show" },
  ],
  CHECKED_IN: [{ to: "IN_PROGRESS", label: "Start" }],
  IN_PROGRESS: [{ to: "COMPLETED", label: "Complete" }],
};

export const CANCELLABLE: AppointmentStatus[] = ["BOOKED", "CHECKED_IN"];

/** What the front desk is told once an appointment of `who` has moved: "Sky Arrow: checked in." */
export function statusChangedMessage(who: string, status: AppointmentStatus): string {
  return `${who}: ${STATUS_LABEL[status].toLowerCase()}.`;
}

/** Moves `who`'s appointment to another status, says so, and re-reads the page. */
export function useStatusChange(who: string, onDone?: () => void) {
  return useActionCall(changeAppointmentStatusAction, {
    success: (changed) => statusChangedMessage(who, changed.status),
    onSuccess: onDone,
  });
}
