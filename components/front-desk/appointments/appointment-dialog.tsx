"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { rescheduleAppointmentServerAction } from "@/lib/actions/appointments/server-actions";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { formatClinicTime, localDateOf } from "@/lib/clinic/time";
import {
  cancelAppointmentFormSchema,
  type RescheduleAppointmentFormValues,
  rescheduleAppointmentFormSchema,
} from "@/lib/validations/appointments";
import { AppointmentStatusBadge } from "./appointment-status";
import { formatDayHeading } from "./calendar-layout";
import { clinicFieldsOf, clinicInstantOf, formFieldOf } from "./clinic-clock";
import { CANCELLABLE, NEXT_STEPS, useStatusChange } from "./use-status-change";

type Mode = "details" | "reschedule" | "cancel";

/** One appointment: what it is, and (for those who manage appointments) what can happen next. */
export function AppointmentDialog({
  appointment,
  onClose,
  timeZone,
  canManage,
}: {
  appointment: CalendarAppointment | null;
  onClose: () => void;
  timeZone: string;
  canManage: boolean;
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
}: {
  appointment: CalendarAppointment;
  onClose: () => void;
  timeZone: string;
  canManage: boolean;
}) {
  const [mode, setMode] = useState<Mode>("details");
  const { pending, change } = useStatusChange();
  const time = `${formatClinicTime(appointment.startsAt, timeZone)}–${formatClinicTime(appointment.endsAt, timeZone)}`;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-slate-600">Patient</dt>
        <dd className="font-medium text-slate-900">
          {appointment.patient.name}{" "}
          <span className="font-normal text-slate-600">({appointment.patient.mrn})</span>
        </dd>
        <dt className="text-slate-600">When</dt>
        <dd>
          {formatDayHeading(localDateOf(appointment.startsAt, timeZone))}, {time}
        </dd>
        <dt className="text-slate-600">Doctor</dt>
        <dd>{appointment.doctor.name}</dd>
        <dt className="text-slate-600">Location</dt>
        <dd>{appointment.location.name}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd>
          <AppointmentStatusBadge status={appointment.status} />
        </dd>
        {appointment.reason ? (
          <>
            <dt className="text-slate-600">Reason</dt>
            <dd>{appointment.reason}</dd>
          </>
        ) : null}
        {appointment.cancelReason ? (
          <>
            <dt className="text-slate-600">Cancelled because</dt>
            <dd>{appointment.cancelReason}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Reference</dt>
        <dd className="font-mono">{appointment.ref}</dd>
      </dl>

      {mode === "reschedule" ? (
        <RescheduleForm
          appointment={appointment}
          timeZone={timeZone}
          onBack={() => setMode("details")}
          onDone={onClose}
        />
      ) : mode === "cancel" ? (
        <CancelForm
          pending={pending}
          onBack={() => setMode("details")}
          onCancel={(cancelReason) =>
            change(
              { appointmentId: appointment.id, to: "CANCELLED", cancelReason },
              appointment.patient.name,
              onClose,
            )
          }
        />
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          {canManage
            ? (NEXT_STEPS[appointment.status] ?? []).map((step) => (
                <Button
                  key={step.to}
                  variant={step.to === "NO_SHOW" ? "secondary" : "primary"}
                  disabled={pending}
                  onClick={() =>
                    change({ appointmentId: appointment.id, to: step.to }, appointment.patient.name, onClose)
                  }
                >
                  {step.label}
                </Button>
              ))
            : null}
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

function RescheduleForm({
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
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<RescheduleAppointmentFormValues>({
    resolver: zodResolver(rescheduleAppointmentFormSchema),
    defaultValues: clinicFieldsOf(appointment.startsAt, appointment.endsAt, timeZone),
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await rescheduleAppointmentServerAction({
        appointmentId: appointment.id,
        startsAt: clinicInstantOf(values.date, values.startTime, timeZone),
        endsAt: clinicInstantOf(values.date, values.endTime, timeZone),
      });
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(formFieldOf(field) as keyof RescheduleAppointmentFormValues, { message });
        toast(result.error.message, "error");
        return;
      }
      toast(`Moved to ${formatClinicTime(new Date(result.data.startsAt), timeZone)}.`);
      onDone();
      router.refresh();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      <h3 className="text-base font-semibold text-slate-900">Move to</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="New date" type="date" error={errors.date?.message} {...form.register("date")} />
        <TextField
          label="New start"
          type="time"
          step={300}
          error={errors.startTime?.message}
          {...form.register("startTime")}
        />
        <TextField
          label="New end"
          type="time"
          step={300}
          error={errors.endTime?.message}
          {...form.register("endTime")}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          Back
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Moving…" : "Move appointment"}
        </Button>
      </div>
    </form>
  );
}

function CancelForm({
  pending,
  onBack,
  onCancel,
}: {
  pending: boolean;
  onBack: () => void;
  onCancel: (reason: string) => void;
}) {
  const form = useForm<{ cancelReason: string }>({
    resolver: zodResolver(cancelAppointmentFormSchema),
    defaultValues: { cancelReason: "" },
  });
  return (
    <form
      onSubmit={form.handleSubmit((values) => onCancel(values.cancelReason))}
      noValidate
      className="flex flex-col gap-4 border-t border-slate-200 pt-4"
    >
      <TextField
        label="Why is it cancelled?"
        hint="For example: patient called to cancel."
        error={form.formState.errors.cancelReason?.message}
        {...form.register("cancelReason")}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          Back
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Cancel appointment"}
        </Button>
      </div>
    </form>
  );
}
