import { describe, expect, it } from "vitest";
import {
  bookAppointmentFormSchema,
  bookAppointmentSchema,
  calendarQuerySchema,
  rescheduleAppointmentFormSchema,
  rescheduleAppointmentInputSchema,
} from "./appointments";

const ID = "00000000-0000-4000-8000-000000000000";

describe("the booking form", () => {
  it("refuses an end before the start, on the end field", () => {
    const result = bookAppointmentFormSchema.safeParse({
      patientId: ID,
      doctorId: ID,
      locationId: ID,
      typeId: ID,
      date: "2030-01-01",
      startTime: "10:00",
      endTime: "09:40",
      reason: "",
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["endTime"], message: "The end must be after the start." }),
    ]);
  });

  it("asks for a patient, an appointment type, a date and clock times", () => {
    const result = bookAppointmentFormSchema.safeParse({
      patientId: "",
      doctorId: ID,
      locationId: ID,
      date: "",
      startTime: "9am",
      endTime: "25:00",
      reason: "",
    });
    expect(Object.fromEntries(result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [])).toEqual({
      patientId: "Choose a patient.",
      typeId: "Choose an appointment type.",
      date: "Choose a date.",
      startTime: "Enter a time such as 9:30 or 14:00.",
      endTime: "Enter a time such as 9:30 or 14:00.",
    });
    expect(
      rescheduleAppointmentFormSchema.safeParse({ date: "2030-01-01", startTime: "09:00", endTime: "09:00" })
        .success,
    ).toBe(false);
  });
});

describe("a booking or reschedule as the action receives it", () => {
  it("refuses a malformed start or end with its own message instead of throwing", () => {
    const booking = { patientId: ID, doctorId: ID, locationId: ID, startsAt: "2030-01-01T09:00:00Z" };
    for (const endsAt of ["not a time", ID, 5, null]) {
      expect(bookAppointmentSchema.safeParse({ ...booking, endsAt }).error?.issues).toEqual([
        expect.objectContaining({ path: ["endsAt"], message: "Give a date and time." }),
      ]);
    }
    expect(
      rescheduleAppointmentInputSchema.safeParse({
        appointmentId: ID,
        startsAt: "tomorrow",
        endsAt: "2030-01-01T09:00:00Z",
      }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ["startsAt"], message: "Give a date and time." })]);
  });
});

describe("the calendar's URL", () => {
  it("falls back to the defaults for anything it cannot read", () => {
    expect(calendarQuerySchema.parse({})).toEqual({ view: "day" });
    expect(
      calendarQuerySchema.parse({ view: "year", date: "2030-02-30", location: "x", doctor: "all" }),
    ).toEqual({
      view: "day",
      doctor: "all",
    });
    expect(calendarQuerySchema.parse({ view: "week", date: "2030-02-28", location: ID })).toEqual({
      view: "week",
      date: "2030-02-28",
      location: ID,
    });
  });
});
