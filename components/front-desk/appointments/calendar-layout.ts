import type { CalendarAppointment, CalendarDoctor, CalendarSlot, DoctorShift } from "@/lib/clinic/calendar";
import { localDateOf, wallClockOf } from "@/lib/clinic/time";

export type CalendarColumn = {
  key: string;
  date: string;
  /** null: every doctor's appointments. */
  doctorId: string | null;
  title: string;
  subtitle?: string;
  color?: string;
};

/** Minutes after the clinic's midnight of `date`, clipped to that day (a block may cross midnight). */
export function minuteOnDate(instant: Date, date: string, timeZone: string): number {
  const local = localDateOf(instant, timeZone);
  if (local < date) return 0;
  if (local > date) return 24 * 60;
  return wallClockOf(instant, timeZone).minuteOfDay;
}

export function formatDayHeading(date: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style,
    ...(style === "long" ? { year: "numeric" } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The day view has a column per doctor (the chosen one, or everyone working or booked that day);
 * the week view has a column per day (everyone's week is a summary instead, see week-summary.ts).
 */
export function buildColumns(options: {
  view: "day" | "week";
  days: string[];
  doctorId: string | null;
  doctors: CalendarDoctor[];
  appointments: CalendarAppointment[];
  shifts: DoctorShift[];
}): CalendarColumn[] {
  const { view, days, doctorId } = options;
  if (view === "week") {
    return days.map((date) => ({ key: date, date, doctorId, title: formatDayHeading(date, "short") }));
  }
  const date = days[0] as string;
  const known = new Map(options.doctors.map((doctor) => [doctor.id, doctor]));
  for (const { doctor } of options.appointments)
    if (!known.has(doctor.id)) known.set(doctor.id, { ...doctor, slotMinutes: 20 });
  const shown = doctorId
    ? [doctorId]
    : [
        ...new Set([
          ...options.shifts.map((s) => s.doctorId),
          ...options.appointments.map((a) => a.doctor.id),
        ]),
      ];
  return shown
    .map((id) => known.get(id))
    .filter((doctor): doctor is CalendarDoctor => Boolean(doctor))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((doctor) => ({
      key: doctor.id,
      date,
      doctorId: doctor.id,
      title: doctor.name,
      color: doctor.color,
    }));
}

export type Placed<T> = { item: T; top: number; height: number; lane: number; lanes: number };

/**
 * Side-by-side lanes for items that overlap in time: each item takes the first free lane, and
 * every item of an overlapping cluster is as wide as the cluster has lanes.
 */
export function placeInLanes<T>(items: { item: T; start: number; end: number }[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const entry of cluster) entry.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const { item, start, end } of sorted) {
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    const entry = { item, top: start, height: Math.max(end - start, 1), lane, lanes: 1 };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return placed;
}

/** The hours the grid shows: office hours, widened to whatever falls outside them. */
export function visibleHours(minutes: { start: number; end: number }[]): { from: number; to: number } {
  let from = 8;
  let to = 18;
  for (const { start, end } of minutes) {
    from = Math.min(from, Math.floor(start / 60));
    to = Math.max(to, Math.ceil(end / 60));
  }
  return { from: Math.max(0, from), to: Math.min(24, to) };
}

export type GridItem =
  | { kind: "appointment"; appointment: CalendarAppointment }
  | { kind: "slot"; slot: CalendarSlot };

/** What one column shows, in minutes of its day. */
export function columnItems(
  column: CalendarColumn,
  appointments: CalendarAppointment[],
  slots: CalendarSlot[],
  timeZone: string,
): { item: GridItem; start: number; end: number }[] {
  const span = (startsAt: Date, endsAt: Date) => ({
    start: minuteOnDate(startsAt, column.date, timeZone),
    end: minuteOnDate(endsAt, column.date, timeZone),
  });
  const mine = (doctorId: string) => column.doctorId === null || column.doctorId === doctorId;
  const items: { item: GridItem; start: number; end: number }[] = [
    ...appointments
      .filter((a) => mine(a.doctor.id))
      .map((a) => ({
        item: { kind: "appointment" as const, appointment: a },
        ...span(a.startsAt, a.endsAt),
      })),
    ...slots
      .filter((s) => mine(s.doctorId) && s.date === column.date)
      .map((s) => ({ item: { kind: "slot" as const, slot: s }, ...span(s.startsAt, s.endsAt) })),
  ];
  return items.filter((entry) => entry.end > entry.start);
}
