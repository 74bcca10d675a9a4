import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { localDateOf } from "@/lib/clinic/time";
import { AppointmentStatusBadge } from "./appointment-status";
import { formatDayHeading } from "./calendar-layout";

/** What an appointment is: patient, time, doctor, place, status, reasons and its reference. */
export function AppointmentDetails({
  appointment,
  timeZone,
}: {
  appointment: CalendarAppointment;
  timeZone: string;
}) {
  const time = useClinicTimeFormat(timeZone).span(appointment.startsAt, appointment.endsAt);
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
      <dt className="text-slate-600">Patient</dt>
      <dd className="font-medium text-slate-900">
        {appointment.patient.name}{" "}
        <span className="font-normal text-slate-600">({appointment.patient.mrn})</span>
      </dd>
      <dt className="text-slate-600">When</dt>
      <dd>
        {formatDayHeading(localDateOf(appointment.startsAt, timeZone))},{" "}
        <span className="whitespace-nowrap">{time}</span>
        {appointment.outsideHours ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
            Outside working hours
          </span>
        ) : null}
      </dd>
      <dt className="text-slate-600">Doctor</dt>
      <dd>{appointment.doctor.name}</dd>
      <dt className="text-slate-600">Location</dt>
      <dd>{appointment.location.name}</dd>
      <dt className="text-slate-600">Status</dt>
      <dd>
        <AppointmentStatusBadge status={appointment.status} />
      </dd>
      {appointment.type ? (
        <>
          <dt className="text-slate-600">Type</dt>
          <dd className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block size-2.5 rounded-full"
              style={{ backgroundColor: appointment.type.colour }}
            />
            {appointment.type.name}
          </dd>
        </>
      ) : null}
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
  );
}
