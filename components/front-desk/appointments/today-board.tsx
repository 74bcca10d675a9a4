"use client";

import { useState } from "react";
import { StartVisitButton, VISIT_STATUSES } from "@/components/clinical/notes/start-visit-button";
import { Button } from "@/components/ui/button";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";
import { AppointmentDialog } from "./appointment-dialog";
import { AppointmentStatusBadge } from "./appointment-status";
import { NextStepButtons } from "./next-step-buttons";
import { stepModeOf } from "./use-status-change";

const GROUPS: { title: string; statuses: AppointmentStatus[]; empty: string }[] = [
  { title: "Expected", statuses: ["BOOKED"], empty: "Nobody else is expected today." },
  { title: "Checked in", statuses: ["CHECKED_IN"], empty: "Nobody is waiting." },
  { title: "With the doctor", statuses: ["IN_PROGRESS"], empty: "No visit is under way." },
  { title: "Completed", statuses: ["COMPLETED"], empty: "No visit has finished yet." },
  { title: "Cancelled and no-show", statuses: ["CANCELLED", "NO_SHOW"], empty: "None today." },
];

/** The front desk's day, grouped by where each patient is, with the next step one click away. */
export function TodayBoard({
  appointments,
  timeZone,
  canManage,
  ownDoctorId,
  showLocation,
}: {
  appointments: CalendarAppointment[];
  timeZone: string;
  canManage: boolean;
  /** The signed-in doctor, who starts and completes their own visits. */
  ownDoctorId: string | null;
  showLocation: boolean;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const format = useClinicTimeFormat(timeZone);
  const open = appointments.find((appointment) => appointment.id === openId) ?? null;

  const columns: Column<CalendarAppointment>[] = [
    {
      key: "time",
      header: "Time",
      sortValue: (a) => a.startsAt.getTime(),
      cell: (a) => (
        <span className="whitespace-nowrap tabular-nums">{format.span(a.startsAt, a.endsAt)}</span>
      ),
    },
    {
      key: "patient",
      header: "Patient",
      sortValue: (a) => a.patient.name,
      cell: (a) => (
        <span>
          <span className="font-medium text-slate-900">{a.patient.name}</span>{" "}
          <span className="text-slate-600">{a.patient.mrn}</span>
        </span>
      ),
    },
    {
      key: "doctor",
      header: "Doctor",
      sortValue: (a) => a.doctor.name,
      cell: (a) => (
        <span className="inline-flex items-center gap-2 whitespace-nowrap">
          <span
            aria-hidden="true"
            className="size-2.5 rounded-full"
            style={{ backgroundColor: a.doctor.color }}
          />
          {a.doctor.name}
        </span>
      ),
    },
    ...(showLocation
      ? [{ key: "location", header: "Location", cell: (a: CalendarAppointment) => a.location.name }]
      : []),
    { key: "status", header: "Status", cell: (a) => <AppointmentStatusBadge status={a.status} /> },
    {
      key: "actions",
      header: "Actions",
      cell: (a) => {
        const mode = stepModeOf(a, { canManage, ownDoctorId });
        return (
          <div className="flex flex-wrap gap-2">
            {mode === "own-visit" && VISIT_STATUSES.includes(a.status) ? (
              <StartVisitButton
                appointmentId={a.id}
                size="sm"
                label={`Start visit: ${a.patient.name} at ${format.time(a.startsAt)}`}
              />
            ) : null}
            {mode ? (
              <NextStepButtons
                appointment={a}
                mode={mode}
                size="sm"
                labelOf={(step) => `${step.label}: ${a.patient.name} at ${format.time(a.startsAt)}`}
              />
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => setOpenId(a.id)}>
              Details
            </Button>
          </div>
        );
      },
    },
  ];

  return (
    <div className="flex flex-col gap-8">
      {GROUPS.map((group) => {
        const rows = appointments.filter((a) => group.statuses.includes(a.status));
        const id = `today-${group.statuses[0]?.toLowerCase()}`;
        return (
          <section key={group.title} aria-labelledby={id} className="flex flex-col gap-3">
            <h2 id={id} className="text-lg font-semibold text-slate-900">
              {group.title} <span className="font-normal text-slate-600">({rows.length})</span>
            </h2>
            <DataTable
              rows={rows}
              columns={columns}
              rowKey={(a) => a.id}
              caption={group.title}
              empty={group.empty}
              stackOnPhone
            />
          </section>
        );
      })}
      <AppointmentDialog
        appointment={open}
        onClose={() => setOpenId(null)}
        timeZone={timeZone}
        canManage={canManage}
        ownDoctorId={ownDoctorId}
      />
    </div>
  );
}
