"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import { changeAppointmentStatusServerAction } from "@/lib/actions/appointments/server-actions";
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

/** Moves an appointment to another status, says so, and re-reads the page. */
export function useStatusChange() {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const change = (
    input: { appointmentId: string; to: AppointmentStatus; cancelReason?: string },
    who: string,
    onDone?: () => void,
  ) =>
    startTransition(async () => {
      const result = await changeAppointmentStatusServerAction(input);
      if (!result.ok) {
        toast(result.error.message, "error");
        return;
      }
      toast(`${who}: ${STATUS_LABEL[result.data.status].toLowerCase()}.`);
      onDone?.();
      router.refresh();
    });
  return { pending, change };
}
