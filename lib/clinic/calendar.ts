import { findBookableTypes } from "../billing/price-list/find-price-list";
import type { AppointmentStatus, StaffRole } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import type { CalendarQuery } from "../validations/appointments";
import { appointmentRef } from "./appointments";
import { findAvailabilityInRange } from "./calendar-availability";
import { findClinicClock } from "./settings";
import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "./time";
import { summarizeWeek, type WeekSummary } from "./week-summary";

export const APPOINTMENT_STATUSES: AppointmentStatus[] = [
  "BOOKED",
  "CHECKED_IN",
  "IN_PROGRESS",
  "COMPLETED",
  "CANCELLED",
  "NO_SHOW",
];

const DEFAULT_COLOR = "#0f766e";
const LONGEST_APPOINTMENT_MS = 24 * 3_600_000;

export type CalendarLocation = { id: string; name: string; isMain: boolean };
export type CalendarDoctor = {
  id: string;
  name: string;
  color: string;
  slotMinutes: number;
  /** The type booking picks first for this doctor (null: the clinic's default). */
  defaultTypeId?: string | null;
};
export type CalendarFilters = {
  view: "day" | "week";
  date: string;
  /** null: every location. */
  locationId: string | null;
  /** null: every doctor. */
  doctorId: string | null;
};

export type CalendarAppointment = {
  id: string;
  ref: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  reason: string | null;
  cancelReason: string | null;
  /** Booked on purpose outside the doctor's working hours. */
  outsideHours: boolean;
  patient: { id: string; name: string; mrn: string };
  doctor: { id: string; name: string; color: string };
  location: { id: string; name: string };
  /** Its appointment type (null only where a clinic has none). */
  type: { name: string; colour: string } | null;
};

/** A doctor's regular or extra hours at a location on a date: where the calendar offers slots. */
export type DoctorShift = { doctorId: string; locationId: string; date: string };
export type CalendarSlot = DoctorShift & { startsAt: Date; endsAt: Date };

/** Only #rrggbb reaches a style attribute; anything else gets the default colour. */
export function safeCalendarColor(color: string | null | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_COLOR;
}

/** Active locations (main first) and the doctors who can be booked. */
export async function findCalendarResources(
  db: TenantDb,
): Promise<{ locations: CalendarLocation[]; doctors: CalendarDoctor[] }> {
  const [locations, doctors] = await Promise.all([
    db.location.findMany({
      where: { active: true },
      orderBy: [{ isMain: "desc" }, { name: "asc" }],
      select: { id: true, name: true, isMain: true },
    }),
    db.staffUser.findMany({
      where: { role: "DOCTOR", status: "ACTIVE", doctorProfile: { isNot: null } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, doctorProfile: true },
    }),
  ]);
  return {
    locations,
    doctors: doctors.map((doctor) => ({
      id: doctor.id,
      name: doctor.name,
      color: safeCalendarColor(doctor.doctorProfile?.calendarColor),
      slotMinutes: doctor.doctorProfile?.defaultSlotMinutes ?? 20,
      defaultTypeId: doctor.doctorProfile?.defaultTypeId ?? null,
    })),
  };
}

/**
 * What the calendar shows for a URL. A doctor sees their own calendar at every location unless the
 * URL says otherwise; everyone else sees every doctor at the main location. Ids that are not this
 * clinic's fall back to those defaults.
 */
export function resolveCalendarFilters(options: {
  query: CalendarQuery;
  viewer: { id: string; role: StaffRole | string };
  locations: CalendarLocation[];
  doctors: CalendarDoctor[];
  today: string;
}): CalendarFilters {
  const { query, viewer, locations, doctors } = options;
  const isDoctor = viewer.role === "DOCTOR";
  const pick = (value: string | undefined, known: { id: string }[], fallback: string | null) => {
    if (value === "all") return null;
    return known.some((item) => item.id === value) ? (value as string) : fallback;
  };
  return {
    view: query.view,
    date: query.date ?? options.today,
    locationId: pick(query.location, locations, isDoctor ? null : (locations[0]?.id ?? null)),
    doctorId: pick(query.doctor, doctors, isDoctor ? viewer.id : null),
  };
}

/** The clinic-local dates a view covers: the day, or its week from Monday. */
export function calendarDays(view: CalendarFilters["view"], date: string): string[] {
  if (view === "day") return [date];
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * Appointments that overlap the clinic-local dates `from`..`to` (both included), whatever their
 * status; the range runs from the clinic's midnight, not UTC's.
 */
export async function findAppointmentsInRange(options: {
  db: TenantDb;
  from: string;
  to: string;
  timeZone: string;
  locationId?: string | null;
  doctorId?: string | null;
}): Promise<CalendarAppointment[]> {
  const { db, timeZone } = options;
  const from = zonedTimeToUtc(options.from, 0, timeZone);
  const rows = await db.appointment.findMany({
    where: {
      // The lower bound lets the (location|doctor, starts_at) indexes skip the clinic's history;
      // bookings last at most 8 hours, so one that overlaps the range starts less than a day before.
      startsAt: {
        gt: new Date(from.getTime() - LONGEST_APPOINTMENT_MS),
        lt: zonedTimeToUtc(addDays(options.to, 1), 0, timeZone),
      },
      endsAt: { gt: from },
      ...(options.locationId ? { locationId: options.locationId } : {}),
      ...(options.doctorId ? { doctorId: options.doctorId } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: {
      patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      doctor: { select: { id: true, name: true, doctorProfile: { select: { calendarColor: true } } } },
      location: { select: { id: true, name: true } },
      type: { select: { name: true, colour: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    ref: appointmentRef(row.id),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    reason: row.reason,
    cancelReason: row.cancelReason,
    outsideHours: row.outsideHours,
    patient: {
      id: row.patient.id,
      name: `${row.patient.firstName} ${row.patient.lastName}`,
      mrn: row.patient.mrn,
    },
    doctor: {
      id: row.doctor.id,
      name: row.doctor.name,
      color: safeCalendarColor(row.doctor.doctorProfile?.calendarColor),
    },
    location: row.location,
    type: row.type ? { name: row.type.name, colour: safeCalendarColor(row.type.colour) } : null,
  }));
}

/**
 * Everything the calendar page shows for a URL and a viewer. Free slots only for those who can
 * book, and in the week view only for one doctor. Everyone's week is `week`, counts per doctor and
 * day, instead of its appointments (a thousand blocks no one can read).
 */
export async function findCalendarView(options: {
  db: TenantDb;
  query: CalendarQuery;
  viewer: { id: string; role: StaffRole | string };
  withSlots: boolean;
  now?: Date;
}) {
  const { db, query, viewer } = options;
  const now = options.now ?? new Date();
  const [{ timeZone, hour12 }, resources, types] = await Promise.all([
    findClinicClock(db),
    findCalendarResources(db),
    findBookableTypes({ db }),
  ]);
  const today = localDateOf(now, timeZone);
  const filters = resolveCalendarFilters({ query, viewer, ...resources, today });
  const days = calendarDays(filters.view, filters.date);
  const [appointments, availability] = await Promise.all([
    findAppointmentsInRange({
      db,
      from: days[0] as string,
      to: days.at(-1) as string,
      timeZone,
      locationId: filters.locationId,
      doctorId: filters.doctorId,
    }),
    findAvailabilityInRange({
      db,
      dates: days,
      doctorIds: filters.doctorId ? [filters.doctorId] : resources.doctors.map((doctor) => doctor.id),
      locationId: filters.locationId,
      timeZone,
      now,
      withSlots: options.withSlots && (filters.view === "day" || filters.doctorId !== null),
    }),
  ]);
  const week: WeekSummary | null =
    filters.view === "week" && !filters.doctorId
      ? summarizeWeek({
          days,
          doctors: resources.doctors,
          appointments,
          shifts: availability.shifts,
          timeZone,
          hour12,
        })
      : null;
  return {
    timeZone,
    today,
    filters,
    days,
    ...resources,
    ...availability,
    appointments: week ? [] : appointments,
    week,
    types,
  };
}
