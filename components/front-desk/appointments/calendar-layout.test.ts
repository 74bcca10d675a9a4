import { describe, expect, it } from "vitest";
import type { CalendarAppointment } from "@/lib/clinic/calendar";
import { zonedTimeToUtc } from "@/lib/clinic/time";
import { buildColumns, minuteOnDate, placeInLanes, visibleHours } from "./calendar-layout";
import { clinicFieldsOf, clinicInstantOf, formFieldOf } from "./clinic-clock";

const TZ = "Europe/London";

describe("placing blocks", () => {
  it("puts overlapping blocks side by side and lets a later block take the full width again", () => {
    const placed = placeInLanes([
      { item: "a", start: 540, end: 600 },
      { item: "b", start: 560, end: 580 },
      { item: "c", start: 580, end: 620 },
      { item: "d", start: 630, end: 650 },
    ]);
    const of = (item: string) => placed.find((entry) => entry.item === item);
    expect(of("a")).toMatchObject({ lane: 0, lanes: 2, top: 540, height: 60 });
    expect(of("b")).toMatchObject({ lane: 1, lanes: 2 });
    // c starts when b ends: it reuses b's lane within the same cluster.
    expect(of("c")).toMatchObject({ lane: 1, lanes: 2 });
    expect(of("d")).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("clips a block that crosses the clinic's midnight to each day", () => {
    const start = zonedTimeToUtc("2026-07-01", 23 * 60 + 30, TZ);
    const end = zonedTimeToUtc("2026-07-02", 30, TZ);
    expect([minuteOnDate(start, "2026-07-01", TZ), minuteOnDate(end, "2026-07-01", TZ)]).toEqual([
      1410, 1440,
    ]);
    expect([minuteOnDate(start, "2026-07-02", TZ), minuteOnDate(end, "2026-07-02", TZ)]).toEqual([0, 30]);
  });

  it("shows office hours, widened to what falls outside them", () => {
    expect(visibleHours([])).toEqual({ from: 8, to: 18 });
    expect(
      visibleHours([
        { start: 7 * 60 + 30, end: 8 * 60 },
        { start: 1410, end: 1440 },
      ]),
    ).toEqual({
      from: 7,
      to: 24,
    });
  });
});

describe("columns", () => {
  const doctor = (id: string, name: string) => ({ id, name, color: "#000000", slotMinutes: 20 });
  const booked = (doctorId: string, name: string) =>
    ({ doctor: { id: doctorId, name, color: "#111111" } }) as CalendarAppointment;

  it("gives the day view a column per doctor working or booked that day, by name", () => {
    const columns = buildColumns({
      view: "day",
      days: ["2026-07-01"],
      doctorId: null,
      doctors: [doctor("a", "Zed"), doctor("b", "Amy"), doctor("c", "Idle")],
      appointments: [booked("d", "Former doctor")],
      shifts: [{ doctorId: "a", locationId: "l", date: "2026-07-01" }],
    });
    expect(columns.map((column) => column.title)).toEqual(["Former doctor", "Zed"]);
  });

  it("gives the week view a column per day", () => {
    const columns = buildColumns({
      view: "week",
      days: ["2026-06-29", "2026-06-30"],
      doctorId: "a",
      doctors: [],
      appointments: [],
      shifts: [],
    });
    expect(columns).toEqual([
      { key: "2026-06-29", date: "2026-06-29", doctorId: "a", title: "Mon 29 Jun" },
      { key: "2026-06-30", date: "2026-06-30", doctorId: "a", title: "Tue 30 Jun" },
    ]);
  });
});

describe("clinic clock in forms", () => {
  it("turns the clinic's date and time into an instant and back, in summer and winter", () => {
    expect(clinicInstantOf("2026-07-01", "09:00", TZ)).toBe("2026-07-01T08:00:00.000Z");
    expect(clinicInstantOf("2026-01-05", "09:00", TZ)).toBe("2026-01-05T09:00:00.000Z");
    expect(clinicFieldsOf(new Date("2026-07-01T23:30:00Z"), new Date("2026-07-01T23:50:00Z"), TZ)).toEqual({
      date: "2026-07-02",
      startTime: "00:30",
      endTime: "00:50",
    });
    expect([formFieldOf("startsAt"), formFieldOf("endsAt"), formFieldOf("patientId")]).toEqual([
      "startTime",
      "endTime",
      "patientId",
    ]);
  });
});
