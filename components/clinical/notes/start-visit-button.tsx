"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { startVisitAction } from "@/lib/actions/visits/start-visit";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";

/** Appointments whose doctor can open the visit: the patient is checked in or already with them. */
export const VISIT_STATUSES: AppointmentStatus[] = ["CHECKED_IN", "IN_PROGRESS"];

/**
 * One click: the doctor's visit for this appointment opens (started now, with the appointment
 * moved to in progress, or the one already started).
 */
export function StartVisitButton({
  appointmentId,
  size,
  label,
}: {
  appointmentId: string;
  size?: "sm";
  /** The accessible name where "Start visit" alone is ambiguous (a list of patients). */
  label?: string;
}) {
  const router = useRouter();
  const start = useActionCall(startVisitAction, {
    refresh: false,
    onSuccess: ({ visitId }) => router.push(`/visits/${visitId}`),
  });
  return (
    <Button
      size={size}
      disabled={start.pending}
      aria-label={label}
      onClick={() => start.call({ appointmentId })}
    >
      {start.pending ? "Opening…" : "Start visit"}
    </Button>
  );
}
