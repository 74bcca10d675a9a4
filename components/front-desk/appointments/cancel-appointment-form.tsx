"use client";

import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeAppointmentStatusAction } from "@/lib/actions/appointments/change-appointment-status";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { cancelAppointmentFormSchema } from "@/lib/validations/appointments";
import { statusChangedMessage } from "./use-status-change";

/** Cancels an appointment, with the reason kept on it. */
export function CancelAppointmentForm({
  appointment,
  onBack,
  onDone,
}: {
  appointment: CalendarAppointment;
  onBack: () => void;
  onDone: () => void;
}) {
  const { field, submit, pending } = useActionForm({
    schema: cancelAppointmentFormSchema,
    action: changeAppointmentStatusAction,
    defaultValues: { cancelReason: "" },
    toInput: ({ cancelReason }) => ({ appointmentId: appointment.id, to: "CANCELLED", cancelReason }),
    success: (changed) => statusChangedMessage(appointment.patient.name, changed),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      <TextField
        label="Why is it cancelled?"
        hint="For example: patient called to cancel."
        {...field("cancelReason")}
      />
      <FormActions
        pending={pending}
        submitLabel="Cancel appointment"
        pendingLabel="Cancelling…"
        danger
        cancelLabel="Back"
        onCancel={onBack}
      />
    </form>
  );
}
