"use client";

import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { ClinicDateField, ClinicTimeField } from "@/components/ui/clock-fields";
import { FormActions } from "@/components/ui/form-actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { rescheduleAppointmentAction } from "@/lib/actions/appointments/reschedule-appointment";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { rescheduleAppointmentFormSchema } from "@/lib/validations/appointments";
import { clinicFieldsOf, clinicInstantOf, formFieldOf } from "./clinic-clock";
import { OutsideHoursChoice } from "./outside-hours-choice";

/** Moves a booked appointment to another date and time, in the clinic's clock, with the same doctor. */
export function RescheduleForm({
  appointment,
  timeZone,
  onBack,
  onDone,
}: {
  appointment: CalendarAppointment;
  timeZone: string;
  onBack: () => void;
  onDone: () => void;
}) {
  const format = useClinicTimeFormat(timeZone);
  const { form, field, submit, pending } = useActionForm({
    schema: rescheduleAppointmentFormSchema,
    action: rescheduleAppointmentAction,
    defaultValues: {
      ...clinicFieldsOf(appointment.startsAt, appointment.endsAt, timeZone),
      outsideHours: false,
    },
    toInput: (values) => ({
      appointmentId: appointment.id,
      startsAt: clinicInstantOf(values.date, values.startTime, timeZone),
      endsAt: clinicInstantOf(values.date, values.endTime, timeZone),
      outsideHours: values.outsideHours,
    }),
    fieldOf: formFieldOf,
    success: (moved) => `Moved to ${format.time(new Date(moved.startsAt))}.`,
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      <h3 className="text-base font-semibold text-slate-900">Move to</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <ClinicDateField label="New date" {...field("date")} />
        <ClinicTimeField label="New start" {...field("startTime")} />
        <ClinicTimeField label="New end" {...field("endTime")} />
      </div>
      <OutsideHoursChoice form={form} field={field} />
      <FormActions
        pending={pending}
        submitLabel="Move appointment"
        pendingLabel="Moving…"
        cancelLabel="Back"
        onCancel={onBack}
      />
    </form>
  );
}
