"use client";

import { useState } from "react";
import { StartVisitButton, VISIT_STATUSES } from "@/components/clinical/notes/start-visit-button";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { AppointmentDetails } from "./appointment-details";
import { CancelAppointmentForm } from "./cancel-appointment-form";
import { NextStepButtons } from "./next-step-buttons";
import { RescheduleForm } from "./reschedule-form";
import { CANCELLABLE, stepModeOf } from "./use-status-change";

/**
 * One appointment: what it is, and what can happen next for those who manage appointments (or,
 * for the signed-in doctor's own visit, starting and completing it).
 */
export function AppointmentDialog({
  appointment,
  onClose,
  timeZone,
  canManage,
  ownDoctorId,
}: {
  appointment: CalendarAppointment | null;
  onClose: () => void;
  timeZone: string;
  canManage: boolean;
  ownDoctorId: string | null;
}) {
  return (
    <Dialog open={appointment !== null} onClose={onClose} title="Appointment">
      {appointment ? (
        <AppointmentPanel
          key={`${appointment.id}-${appointment.status}-${appointment.startsAt.toISOString()}`}
          appointment={appointment}
          onClose={onClose}
          timeZone={timeZone}
          canManage={canManage}
          ownDoctorId={ownDoctorId}
        />
      ) : null}
    </Dialog>
  );
}

function AppointmentPanel({
  appointment,
  onClose,
  timeZone,
  canManage,
  ownDoctorId,
}: {
  appointment: CalendarAppointment;
  onClose: () => void;
  timeZone: string;
  canManage: boolean;
  ownDoctorId: string | null;
}) {
  const steps = stepModeOf(appointment, { canManage, ownDoctorId });
  const [mode, setMode] = useState<"details" | "reschedule" | "cancel">("details");
  const back = () => setMode("details");
  return (
    <div className="flex flex-col gap-4">
      <AppointmentDetails appointment={appointment} timeZone={timeZone} />
      {mode === "reschedule" ? (
        <RescheduleForm appointment={appointment} timeZone={timeZone} onBack={back} onDone={onClose} />
      ) : mode === "cancel" ? (
        <CancelAppointmentForm appointment={appointment} onBack={back} onDone={onClose} />
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          {steps === "own-visit" && VISIT_STATUSES.includes(appointment.status) ? (
            <StartVisitButton appointmentId={appointment.id} />
          ) : null}
          {steps ? <NextStepButtons appointment={appointment} mode={steps} onDone={onClose} /> : null}
          {canManage && appointment.status === "BOOKED" ? (
            <Button variant="secondary" onClick={() => setMode("reschedule")}>
              Reschedule
            </Button>
          ) : null}
          {canManage && CANCELLABLE.includes(appointment.status) ? (
            <Button variant="danger" onClick={() => setMode("cancel")}>
              Cancel appointment
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </div>
  );
}
