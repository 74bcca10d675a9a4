"use client";

import { AppointmentStatusBadge } from "@/components/front-desk/appointments/appointment-status";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";

export type PatientAppointmentRow = {
  id: string;
  /** For sorting: the start as milliseconds. */
  startsAtMs: number;
  date: string;
  time: string;
  doctorName: string;
  locationName: string;
  status: AppointmentStatus;
  reason: string | null;
};

const columns: Column<PatientAppointmentRow>[] = [
  {
    key: "date",
    header: "Date",
    cell: (row) => <ClinicDate date={row.date} />,
    sortValue: (row) => row.startsAtMs,
  },
  { key: "time", header: "Time", cell: (row) => <span className="whitespace-nowrap">{row.time}</span> },
  { key: "doctor", header: "Doctor", cell: (row) => row.doctorName, sortValue: (row) => row.doctorName },
  {
    key: "location",
    header: "Location",
    cell: (row) => row.locationName,
    sortValue: (row) => row.locationName,
  },
  {
    key: "status",
    header: "Status",
    cell: (row) => <AppointmentStatusBadge status={row.status} />,
    sortValue: (row) => row.status,
  },
  { key: "reason", header: "Reason", cell: (row) => row.reason ?? "" },
];

/** The patient's appointments, newest first, in the clinic's time zone. */
export function PatientAppointmentsTable({ rows }: { rows: PatientAppointmentRow[] }) {
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      caption="The patient's appointments"
      empty="No appointments yet. Book one from the calendar."
    />
  );
}
