"use client";

import { useState } from "react";
import { OwesBadge } from "@/components/billing/payments/owes-badge";
import { PaymentDialog } from "@/components/billing/payments/payment-dialog";
import { StartVisitButton, VISIT_STATUSES } from "@/components/clinical/notes/start-visit-button";
import { Button } from "@/components/ui/button";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { CheckoutInvoice, FrontDeskBilling } from "@/lib/billing/payments/front-desk-billing";
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

/** Whether an appointment's invoice has something to take at check-out. */
function isDue(invoice: CheckoutInvoice | undefined): boolean {
  return invoice !== undefined && (invoice.draft || invoice.dueMinor > 0);
}

/** The front desk's day, grouped by where each patient is, with the next step one click away. */
export function TodayBoard({
  appointments,
  timeZone,
  canManage,
  ownDoctorId,
  showLocation,
  billing,
}: {
  appointments: CalendarAppointment[];
  timeZone: string;
  canManage: boolean;
  /** The signed-in doctor, who starts and completes their own visits. */
  ownDoctorId: string | null;
  showLocation: boolean;
  /** What patients owe (billing.owes) and, for payments.take, each appointment's open invoice. */
  billing: (FrontDeskBilling & { canTakePayments: boolean }) | null;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  // The check-out dialog lives here, not in its row: the row changes once the invoice is paid, and
  // the dialog must stay to hand out the receipts.
  const [checkout, setCheckout] = useState<{
    patientName: string;
    invoice: CheckoutInvoice;
    creditMinor: number;
  } | null>(null);
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
          <span className="text-slate-600">{a.patient.mrn}</span>{" "}
          {billing ? (
            <OwesBadge owedMinor={billing.owedMinor[a.patient.id]} currency={billing.currency} />
          ) : null}
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
            {billing?.canTakePayments && isDue(billing.invoices[a.id]) ? (
              <Button
                size="sm"
                aria-label={`Take payment: ${a.patient.name} at ${format.time(a.startsAt)}`}
                onClick={() =>
                  setCheckout({
                    patientName: a.patient.name,
                    invoice: billing.invoices[a.id] as CheckoutInvoice,
                    creditMinor: billing.creditMinor[a.patient.id] ?? 0,
                  })
                }
              >
                Take payment
              </Button>
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
      {checkout && billing ? (
        <PaymentDialog open onClose={() => setCheckout(null)} currency={billing.currency} {...checkout} />
      ) : null}
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
