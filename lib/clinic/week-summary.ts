import type { CalendarAppointment, CalendarDoctor, DoctorShift } from "./calendar";
import { formatClinicTime, localDateOf } from "./time";

export type WeekCell = {
  date: string;
  /** Appointments that start that day and still hold their time (cancelled ones do not count). */
  count: number;
  outsideHours: number;
  /** The doctor has regular or extra hours that day. */
  working: boolean;
  /** First start and last end, e.g. "09:00–16:40"; null without appointments. */
  span: string | null;
};

export type WeekRow = { doctor: { id: string; name: string; color: string }; cells: WeekCell[] };
export type WeekSummary = { totals: { date: string; count: number }[]; rows: WeekRow[] };

/**
 * Every doctor's week as counts per day, for the week view of "all doctors": a time grid of five
 * doctors' days in one column per day shrinks each booking to a few letters, counts stay readable.
 * A doctor has a row when they work or are booked that week.
 */
export function summarizeWeek(options: {
  days: string[];
  doctors: CalendarDoctor[];
  appointments: CalendarAppointment[];
  shifts: DoctorShift[];
  timeZone: string;
  /** The clinic keeps a 12-hour clock: spans read "9:00 am–4:40 pm". */
  hour12?: boolean;
}): WeekSummary {
  const { days, timeZone } = options;
  const time = (instant: number) => formatClinicTime(new Date(instant), timeZone, { hour12: options.hour12 });
  const doctors = new Map(options.doctors.map((doctor) => [doctor.id, doctor]));
  for (const { doctor } of options.appointments)
    if (!doctors.has(doctor.id)) doctors.set(doctor.id, { ...doctor, slotMinutes: 20 });
  const holding = options.appointments.filter((appointment) => appointment.status !== "CANCELLED");
  const working = new Set(options.shifts.map((shift) => `${shift.doctorId}|${shift.date}`));
  const shown = new Set([
    ...options.shifts.map((shift) => shift.doctorId),
    ...holding.map((a) => a.doctor.id),
  ]);

  const rows = [...shown]
    .map((id) => doctors.get(id))
    .filter((doctor): doctor is CalendarDoctor => Boolean(doctor))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((doctor) => ({
      doctor: { id: doctor.id, name: doctor.name, color: doctor.color },
      cells: days.map((date) => {
        const booked = holding.filter(
          (a) => a.doctor.id === doctor.id && localDateOf(a.startsAt, timeZone) === date,
        );
        const starts = booked.map((a) => a.startsAt.getTime());
        const ends = booked.map((a) => a.endsAt.getTime());
        return {
          date,
          count: booked.length,
          outsideHours: booked.filter((a) => a.outsideHours).length,
          working: working.has(`${doctor.id}|${date}`),
          span: booked.length ? `${time(Math.min(...starts))}–${time(Math.max(...ends))}` : null,
        };
      }),
    }));
  return {
    totals: days.map((date, i) => ({
      date,
      count: rows.reduce((sum, row) => sum + (row.cells[i]?.count ?? 0), 0),
    })),
    rows,
  };
}
