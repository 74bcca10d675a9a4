import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontDeskClinic, type FrontDeskClinic } from "@/lib/testing/front-desk-practice";
import type { AppointmentStatus } from "../generated/tenant/enums";
import { calendarQuerySchema } from "../validations/appointments";
import {
  calendarDays,
  findAppointmentsInRange,
  findCalendarResources,
  findCalendarView,
  resolveCalendarFilters,
} from "./calendar";
import { findAvailabilityInRange } from "./calendar-availability";
import { findTodayAppointments, summarizeToday } from "./day-summary";
import { addDays, localDateOf, zonedTimeToUtc } from "./time";

// Auckland is 13 hours ahead of UTC in January: the clinic's midnight is UTC's late morning the day before.
const TZ = "Pacific/Auckland";
const DAY = "2031-01-15";
let clinic: FrontDeskClinic;

const at = (date: string, hour: number, minute = 0) => zonedTimeToUtc(date, hour * 60 + minute, TZ);

async function appointment(options: {
  startsAt: Date;
  minutes?: number;
  doctorId?: string;
  locationId?: string;
  status?: AppointmentStatus;
}) {
  return clinic.db.appointment.create({
    data: {
      patientId: clinic.patientId,
      doctorId: options.doctorId ?? clinic.members.DOCTOR.id,
      locationId: options.locationId ?? clinic.mainLocationId,
      startsAt: options.startsAt,
      endsAt: new Date(options.startsAt.getTime() + (options.minutes ?? 20) * 60_000),
      status: options.status ?? "BOOKED",
    },
  });
}

beforeAll(async () => {
  clinic = await createFrontDeskClinic("aspen", TZ);
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("calendar range queries", () => {
  it("cuts days at the clinic's midnight, and shows an appointment across midnight on both days", async () => {
    const lateEvening = await appointment({ startsAt: at(DAY, 22) });
    const acrossMidnight = await appointment({ startsAt: at(DAY, 23, 40), minutes: 40 });
    const earlyMorning = await appointment({ startsAt: at(addDays(DAY, 1), 0, 30) });
    const dayBefore = await appointment({ startsAt: at(addDays(DAY, -1), 23, 0) });
    // 22:00 in Auckland is still the 15th there but 09:00 UTC on the 15th; 00:30 on the 16th is 11:30 UTC on the 15th.
    expect(earlyMorning.startsAt.toISOString().slice(0, 10)).toBe(DAY);

    const ids = async (from: string, to = from) =>
      (await findAppointmentsInRange({ db: clinic.db, from, to, timeZone: TZ })).map((a) => a.id);
    expect(await ids(DAY)).toEqual([lateEvening.id, acrossMidnight.id]);
    expect(await ids(addDays(DAY, 1))).toEqual([acrossMidnight.id, earlyMorning.id]);
    expect(await ids(addDays(DAY, -1), addDays(DAY, 1))).toEqual([
      dayBefore.id,
      lateEvening.id,
      acrossMidnight.id,
      earlyMorning.id,
    ]);
  });

  it("filters by location and doctor, and names each appointment's doctor with their calendar colour", async () => {
    const date = "2031-02-03";
    const here = await appointment({ startsAt: at(date, 9) });
    const there = await appointment({ startsAt: at(date, 11), locationId: clinic.otherLocationId });
    const other = await appointment({ startsAt: at(date, 9), doctorId: clinic.otherDoctor.id });
    const find = (filters: { locationId?: string; doctorId?: string }) =>
      findAppointmentsInRange({ db: clinic.db, from: date, to: date, timeZone: TZ, ...filters });

    expect((await find({ locationId: clinic.mainLocationId })).map((a) => a.id)).toEqual(
      [here.id, other.id].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect((await find({ doctorId: clinic.otherDoctor.id })).map((a) => a.id)).toEqual([other.id]);
    const [first] = await find({ locationId: clinic.otherLocationId });
    expect(first).toMatchObject({
      id: there.id,
      ref: there.id.slice(0, 8).toUpperCase(),
      patient: { id: clinic.patientId, name: "Pat Lee" },
      doctor: { id: clinic.members.DOCTOR.id, color: "#1d4ed8" },
      location: { id: clinic.otherLocationId, name: "Riverside" },
    });
  });

  it("finds today's appointments by the clinic's date, not the server's", async () => {
    const date = "2031-03-10";
    const morning = await appointment({ startsAt: at(date, 8) });
    await appointment({ startsAt: at(addDays(date, 1), 8) });
    // 07:00 in Auckland on the 10th is the 9th in UTC.
    const now = at(date, 7);
    expect(now.toISOString().slice(0, 10)).toBe("2031-03-09");
    const today = await findTodayAppointments({ db: clinic.db, timeZone: TZ, now });
    expect(today.date).toBe(date);
    expect(today.appointments.map((a) => a.id)).toEqual([morning.id]);
  });
});

describe("the doctor's calendar", () => {
  const query = (raw: Record<string, string> = {}) => calendarQuerySchema.parse(raw);

  it("opens on the doctor's own calendar at every location, and on everyone at the main location for others", async () => {
    const resources = await findCalendarResources(clinic.db);
    const today = "2031-04-01";
    const filters = (role: "DOCTOR" | "RECEPTIONIST", raw?: Record<string, string>) =>
      resolveCalendarFilters({ query: query(raw), viewer: clinic.members[role], ...resources, today });

    expect(filters("DOCTOR")).toEqual({
      view: "day",
      date: today,
      locationId: null,
      doctorId: clinic.members.DOCTOR.id,
    });
    expect(filters("RECEPTIONIST")).toEqual({
      view: "day",
      date: today,
      locationId: clinic.mainLocationId,
      doctorId: null,
    });
    expect(filters("DOCTOR", { doctor: "all", view: "week", date: "2031-04-09" })).toMatchObject({
      view: "week",
      date: "2031-04-09",
      doctorId: null,
    });
    // Ids that are not this clinic's, and nonsense, fall back to the defaults.
    expect(
      filters("RECEPTIONIST", {
        view: "month",
        date: "0001-01-01",
        location: "00000000-0000-4000-8000-000000000000",
        doctor: "'; DROP TABLE appointments",
      }),
    ).toEqual({ view: "day", date: today, locationId: clinic.mainLocationId, doctorId: null });
  });

  it("shows a doctor only their own appointments by default, and nobody free slots they cannot book", async () => {
    const date = "2031-05-06";
    const mine = await appointment({ startsAt: at(date, 10), locationId: clinic.otherLocationId });
    await appointment({ startsAt: at(date, 10), doctorId: clinic.otherDoctor.id });
    const calendar = await findCalendarView({
      db: clinic.db,
      query: query({ date }),
      viewer: clinic.members.DOCTOR,
      withSlots: false,
    });
    expect(calendar.filters).toMatchObject({ doctorId: clinic.members.DOCTOR.id, locationId: null });
    expect(calendar.appointments.map((a) => a.id)).toEqual([mine.id]);
    expect(calendar.slots).toEqual([]);

    const desk = await findCalendarView({
      db: clinic.db,
      query: query({ date }),
      viewer: clinic.members.RECEPTIONIST,
      withSlots: true,
    });
    expect(desk.appointments.map((a) => a.doctor.id)).toEqual([clinic.otherDoctor.id]);
    expect(new Set(desk.shifts.map((s) => s.doctorId))).toEqual(
      new Set([clinic.members.DOCTOR.id, clinic.otherDoctor.id]),
    );
    // 09:00–17:00 in 20-minute slots, less each doctor's 10:00 booking (at whichever location).
    expect(desk.slots.filter((s) => s.doctorId === clinic.members.DOCTOR.id)).toHaveLength(23);
    expect(desk.slots.filter((s) => s.doctorId === clinic.otherDoctor.id)).toHaveLength(23);
  });
});

describe("everyone's week", () => {
  it("gives the week of all doctors as counts per doctor and day, and one doctor's week as appointments", async () => {
    const date = "2031-08-13";
    const booked = await appointment({ startsAt: at(date, 10) });
    await appointment({ startsAt: at(date, 11), status: "CANCELLED" });
    const week = (doctor: string) =>
      findCalendarView({
        db: clinic.db,
        query: calendarQuerySchema.parse({ view: "week", date, doctor, location: "all" }),
        viewer: clinic.members.RECEPTIONIST,
        withSlots: true,
      });

    const everyone = await week("all");
    expect(everyone.appointments).toEqual([]);
    expect(everyone.slots).toEqual([]);
    const row = everyone.week?.rows.find((r) => r.doctor.id === clinic.members.DOCTOR.id);
    expect(row?.cells.find((cell) => cell.date === date)).toMatchObject({ count: 1, working: true });

    const one = await week(clinic.members.DOCTOR.id);
    expect(one.week).toBeNull();
    expect(one.appointments.map((a) => a.id)).toContain(booked.id);
  });
});

describe("availability over a week", () => {
  it("offers slots on each working day of the week and adds extra hours at another location", async () => {
    const days = calendarDays("week", "2031-06-11");
    expect(days).toEqual([
      "2031-06-09",
      "2031-06-10",
      "2031-06-11",
      "2031-06-12",
      "2031-06-13",
      "2031-06-14",
      "2031-06-15",
    ]);
    await clinic.db.availabilityOverride.create({
      data: {
        doctorId: clinic.members.DOCTOR.id,
        locationId: clinic.otherLocationId,
        date: new Date("2031-06-12T00:00:00Z"),
        kind: "EXTRA_HOURS",
        startMinute: 18 * 60,
        endMinute: 19 * 60,
      },
    });
    const { shifts, slots } = await findAvailabilityInRange({
      db: clinic.db,
      dates: days,
      doctorIds: [clinic.members.DOCTOR.id],
      locationId: null,
      timeZone: TZ,
      withSlots: true,
    });
    expect(shifts).toHaveLength(8);
    expect(shifts).toContainEqual({
      doctorId: clinic.members.DOCTOR.id,
      locationId: clinic.otherLocationId,
      date: "2031-06-12",
    });
    expect(slots.filter((s) => s.locationId === clinic.otherLocationId).map((s) => s.startsAt)).toEqual([
      at("2031-06-12", 18),
      at("2031-06-12", 18, 20),
      at("2031-06-12", 18, 40),
    ]);
    expect(slots.filter((s) => s.date === "2031-06-09")).toHaveLength(24);
  });
});

describe("today's summary", () => {
  it("counts today's appointments by status and per doctor, and lists who is next", async () => {
    const date = "2031-07-20";
    const now = at(date, 12);
    const doctor = clinic.members.DOCTOR.id;
    const other = clinic.otherDoctor.id;
    await appointment({ startsAt: at(date, 9), status: "COMPLETED" });
    await appointment({ startsAt: at(date, 10), status: "NO_SHOW" });
    await appointment({ startsAt: at(date, 11, 50), status: "IN_PROGRESS" });
    const waiting = await appointment({ startsAt: at(date, 12, 10), status: "CHECKED_IN" });
    const next = await appointment({ startsAt: at(date, 13), doctorId: other });
    const cancelled = await appointment({ startsAt: at(date, 14), status: "CANCELLED" });
    const later = await appointment({ startsAt: at(date, 14), doctorId: doctor });
    await appointment({ startsAt: at(addDays(date, 1), 9) });
    expect(cancelled.startsAt).toEqual(later.startsAt);

    const summary = await summarizeToday({ db: clinic.db, timeZone: TZ, now });
    expect(summary).toMatchObject({
      date,
      total: 7,
      byStatus: { BOOKED: 2, CHECKED_IN: 1, IN_PROGRESS: 1, COMPLETED: 1, CANCELLED: 1, NO_SHOW: 1 },
    });
    expect(summary.next.map((a) => a.id)).toEqual([waiting.id, next.id, later.id]);
    expect(summary.perDoctor).toEqual([
      expect.objectContaining({ id: doctor, name: "Doctor One", scheduled: 4, open: 3, completed: 1 }),
      expect.objectContaining({ id: other, name: "Doctor Two", scheduled: 1, open: 1, completed: 0 }),
    ]);
    const own = await summarizeToday({ db: clinic.db, timeZone: TZ, now, nextForDoctorId: doctor });
    expect(own.next.map((a) => a.id)).toEqual([waiting.id, later.id]);
    expect(localDateOf(now, TZ)).toBe(date);
  });
});
