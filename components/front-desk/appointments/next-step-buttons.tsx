"use client";

import { Button } from "@/components/ui/button";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { type StatusStep, type StepMode, stepsOf, useStatusChange } from "./use-status-change";

/** The appointment's next one-click steps (check in, start, complete, no-show) as buttons. */
export function NextStepButtons({
  appointment,
  mode,
  size,
  labelOf,
  onDone,
}: {
  appointment: CalendarAppointment;
  mode: StepMode;
  size?: "sm";
  /** The accessible name of a step's button, where the step's label alone is ambiguous (a list). */
  labelOf?: (step: StatusStep) => string;
  onDone?: () => void;
}) {
  const change = useStatusChange(appointment.patient.name, mode, onDone);
  return stepsOf(appointment.status, mode).map((step) => (
    <Button
      key={step.to}
      size={size}
      variant={step.to === "NO_SHOW" || step.to === "BOOKED" ? "secondary" : "primary"}
      disabled={change.pending}
      aria-label={labelOf?.(step)}
      onClick={() => change.call({ appointmentId: appointment.id, to: step.to })}
    >
      {step.label}
    </Button>
  ));
}
