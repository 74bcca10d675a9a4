"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { BookableType } from "@/lib/billing/price-list/find-price-list";
import type {
  CalendarAppointment,
  CalendarDoctor,
  CalendarFilters,
  CalendarLocation,
  CalendarSlot,
  DoctorShift,
} from "@/lib/clinic/calendar";
import type { WeekSummary } from "@/lib/clinic/week-summary";
import { AppointmentDialog } from "./appointment-dialog";
import { BookingDialog, type BookingDraft } from "./booking-dialog";
import { CalendarGrid } from "./calendar-grid";
import { buildColumns } from "./calendar-layout";
import { clinicFieldsOf, minutesOf, timeOfMinutes } from "./clinic-clock";
import { WeekOverview } from "./week-overview";

/** The calendar's interactive part: the grid, booking from a slot or a form, and each appointment's actions. */
export function CalendarBoard(props: {
  timeZone: string;
  filters: CalendarFilters;
  days: string[];
  today: string;
  appointments: CalendarAppointment[];
  slots: CalendarSlot[];
  shifts: DoctorShift[];
  /** Everyone's week: counts per doctor and day instead of a grid. */
  week: WeekSummary | null;
  doctors: CalendarDoctor[];
  locations: CalendarLocation[];
  /** The types a booking can choose, the clinic's default first. */
  types: BookableType[];
  canManage: boolean;
  /** The signed-in doctor, who starts and completes their own visits. */
  ownDoctorId: string | null;
}) {
  const { filters, timeZone, doctors, locations } = props;
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // Looked up by id so the dialog shows the appointment as re-read after a change.
  const open = props.appointments.find((appointment) => appointment.id === openId) ?? null;
  const columns = buildColumns({
    view: filters.view,
    days: props.days,
    doctorId: filters.doctorId,
    doctors,
    appointments: props.appointments,
    shifts: props.shifts,
  });
  const doctorNames = new Map(doctors.map((doctor) => [doctor.id, doctor.name]));

  const newDraft = (): BookingDraft => {
    const doctor = doctors.find((d) => d.id === filters.doctorId) ?? doctors[0];
    const start = "09:00";
    return {
      doctorId: doctor?.id ?? "",
      locationId: filters.locationId ?? locations[0]?.id ?? "",
      date: [filters.date, props.today].sort()[1] as string,
      startTime: start,
      endTime: timeOfMinutes(minutesOf(start) + (doctor?.slotMinutes ?? 20)),
    };
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Times are the clinic&apos;s ({timeZone}).
          {props.canManage
            ? props.week
              ? " Open a day or a doctor's count to see the appointments and free slots."
              : " Click a free slot to book it."
            : props.week
              ? " Open a day or a doctor's count to see the appointments."
              : ""}
        </p>
        {props.canManage ? <Button onClick={() => setDraft(newDraft())}>New appointment</Button> : null}
      </div>
      {props.week ? (
        <WeekOverview summary={props.week} filters={filters} today={props.today} />
      ) : columns.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">
          No doctor works here on this day and nothing is booked. Pick another day or location
          {props.canManage ? ", or book at any time with “New appointment”." : "."}
        </div>
      ) : (
        <CalendarGrid
          columns={columns}
          appointments={props.appointments}
          slots={props.slots}
          timeZone={timeZone}
          doctorNames={doctorNames}
          onOpenAppointment={(appointment) => setOpenId(appointment.id)}
          onBookSlot={
            props.canManage
              ? (slot) =>
                  setDraft({
                    doctorId: slot.doctorId,
                    locationId: slot.locationId,
                    ...clinicFieldsOf(slot.startsAt, slot.endsAt, timeZone),
                  })
              : undefined
          }
        />
      )}
      <BookingDialog
        draft={draft}
        onClose={() => setDraft(null)}
        timeZone={timeZone}
        doctors={doctors}
        locations={locations}
        types={props.types}
      />
      <AppointmentDialog
        appointment={open}
        onClose={() => setOpenId(null)}
        timeZone={timeZone}
        canManage={props.canManage}
        ownDoctorId={props.ownDoctorId}
      />
    </div>
  );
}
