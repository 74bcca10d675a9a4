import { describe, expect, it } from "vitest";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { CalendarAppointment } from "./calendar";
import { calendarDays } from "./calendar";
import { zonedTimeToUtc } from "./time";
import { summarizeWeek } from "./week-summary";

const TZ = "Europe/London";
const WEEK = calendarDays("week", "2026-07-08");
const [MON, TUE, WED, THU] = WEEK as [string, string, string, string];
const doctor = (id: string, name: string) => ({ id, name, color: "#0f766e", slotMinutes: 20 });

function booking(options: {
  doctorId: string;
  date: string;
  start: string;
  minutes?: number;
  status?: AppointmentStatus;
  outsideHours?: boolean;
}): CalendarAppointment {
  const [hour, minute] = options.start.split(":").map(Number) as [number, number];
  const startsAt = zonedTimeToUtc(options.date, hour * 60 + minute, TZ);
  return {
    id: `${options.doctorId}-${options.date}-${options.start}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + (options.minutes ?? 20) * 60_000),
    status: options.status ?? "BOOKED",
    outsideHours: options.outsideHours ?? false,
    doctor: { id: options.doctorId, name: options.doctorId === "gone" ? "Dr Former" : "?", color: "#111111" },
  } as CalendarAppointment;
}

describe("everyone's week", () => {
  const summary = summarizeWeek({
    days: WEEK,
    timeZone: TZ,
    doctors: [doctor("zed", "Dr Zed"), doctor("amy", "Dr Amy"), doctor("idle", "Dr Idle")],
    shifts: [
      { doctorId: "zed", locationId: "main", date: MON },
      { doctorId: "amy", locationId: "main", date: THU },
    ],
    appointments: [
      booking({ doctorId: "zed", date: MON, start: "09:00" }),
      booking({ doctorId: "zed", date: MON, start: "10:00", status: "CANCELLED" }),
      booking({ doctorId: "zed", date: MON, start: "17:20", minutes: 40, outsideHours: true }),
      booking({ doctorId: "zed", date: MON, start: "12:00", status: "NO_SHOW" }),
      booking({ doctorId: "zed", date: TUE, start: "23:40", minutes: 40, outsideHours: true }),
      booking({ doctorId: "gone", date: WED, start: "11:00" }),
    ],
  });
  const row = (name: string) => summary.rows.find((r) => r.doctor.name === name);

  it("has a row for each doctor who works or is booked that week, by name", () => {
    expect(summary.rows.map((r) => r.doctor.name)).toEqual(["Dr Amy", "Dr Former", "Dr Zed"]);
  });

  it("counts the appointments that hold their time, with their span and those outside hours", () => {
    expect(row("Dr Zed")?.cells[0]).toEqual({
      date: MON,
      count: 3,
      outsideHours: 1,
      working: true,
      span: "09:00–18:00",
    });
  });

  it("counts an appointment across the clinic's midnight on the day it starts", () => {
    expect(row("Dr Zed")?.cells.map((cell) => cell.count)).toEqual([3, 1, 0, 0, 0, 0, 0]);
    expect(row("Dr Zed")?.cells[1]).toMatchObject({ outsideHours: 1, working: false, span: "23:40–00:20" });
  });

  it("tells a working day without bookings from a day off, and totals each day", () => {
    expect(row("Dr Amy")?.cells[3]).toMatchObject({ count: 0, working: true, span: null });
    expect(row("Dr Amy")?.cells[2]).toMatchObject({ count: 0, working: false });
    expect(summary.totals.map((day) => day.count)).toEqual([3, 1, 1, 0, 0, 0, 0]);
  });
});
