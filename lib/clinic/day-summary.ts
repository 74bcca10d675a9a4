import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { APPOINTMENT_STATUSES, type CalendarAppointment, findAppointmentsInRange } from "./calendar";
import { localDateOf } from "./time";

/** Today's appointments in the clinic's time zone, at a location and/or of a doctor. */
export async function findTodayAppointments(options: {
  db: TenantDb;
  timeZone: string;
  now?: Date;
  locationId?: string | null;
  doctorId?: string | null;
}): Promise<{ date: string; appointments: CalendarAppointment[] }> {
  const date = localDateOf(options.now ?? new Date(), options.timeZone);
  const appointments = await findAppointmentsInRange({ ...options, from: date, to: date });
  return { date, appointments };
}

export type TodaySummary = {
  date: string;
  total: number;
  byStatus: Record<AppointmentStatus, number>;
  /** Not yet started, soonest first. */
  next: CalendarAppointment[];
  perDoctor: {
    id: string;
    name: string;
    color: string;
    scheduled: number;
    open: number;
    completed: number;
  }[];
};

const OPEN: AppointmentStatus[] = ["BOOKED", "CHECKED_IN", "IN_PROGRESS"];

/** The clinic's day at a glance: counts by status and per doctor, and who comes next. */
export async function summarizeToday(options: {
  db: TenantDb;
  timeZone: string;
  now?: Date;
  nextLimit?: number;
  /** Limits "next" to one doctor's patients; the counts stay clinic-wide. */
  nextForDoctorId?: string | null;
}): Promise<TodaySummary> {
  const now = options.now ?? new Date();
  const { date, appointments } = await findTodayAppointments({ ...options, now });
  const byStatus = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as TodaySummary["byStatus"];
  const perDoctor = new Map<string, TodaySummary["perDoctor"][number]>();
  for (const appointment of appointments) {
    byStatus[appointment.status] += 1;
    const { doctor, status } = appointment;
    const row = perDoctor.get(doctor.id) ?? { ...doctor, scheduled: 0, open: 0, completed: 0 };
    if (status !== "CANCELLED" && status !== "NO_SHOW") row.scheduled += 1;
    if (OPEN.includes(status)) row.open += 1;
    if (status === "COMPLETED") row.completed += 1;
    perDoctor.set(doctor.id, row);
  }
  const next = appointments
    .filter((a) => (a.status === "BOOKED" || a.status === "CHECKED_IN") && a.endsAt > now)
    .filter((a) => !options.nextForDoctorId || a.doctor.id === options.nextForDoctorId)
    .slice(0, options.nextLimit ?? 5);
  return {
    date,
    total: appointments.length,
    byStatus,
    next,
    perDoctor: [...perDoctor.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
