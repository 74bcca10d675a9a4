import { describe, expect, it } from "vitest";
import { formatClinicTime } from "@/lib/clinic/time";
import { clinicTimeFormat, formatClinicDateTime } from "./clinic-time";

const instant = new Date("2026-11-30T14:05:09Z");

describe("a moment as the clinic reads it", () => {
  it("is on the clinic's own zone and a 24-hour clock unless the clinic keeps 12 hours", () => {
    expect(formatClinicDateTime(instant, "Europe/Berlin")).toBe("30 Nov 2026, 15:05");
    expect(formatClinicDateTime(instant, "Europe/Berlin", { seconds: true })).toBe("30 Nov 2026, 15:05:09");
    expect(formatClinicDateTime(instant, "America/New_York", { hour12: true })).toBe("30 Nov 2026, 9:05 am");
    expect(formatClinicDateTime(new Date("2026-11-30T08:01:00Z"), "UTC")).toBe("30 Nov 2026, 08:01");
  });

  it("gives a time of day the same way", () => {
    expect(formatClinicTime(instant, "Europe/Berlin")).toBe("15:05");
    expect(formatClinicTime(instant, "Europe/Berlin", { hour12: true })).toBe("3:05 pm");
  });
});

describe("a clinic's bound time formats", () => {
  const end = new Date("2026-11-30T14:35:00Z");

  it("follow the clinic's 12-hour clock in every form", () => {
    const format = clinicTimeFormat("Europe/Berlin", { hour12: true });
    expect(format.time(instant)).toBe("3:05 pm");
    expect(format.span(instant, end)).toBe("3:05 pm–3:35 pm");
    expect(format.dayTime(instant)).toBe("Mon 30 Nov 3:05 pm");
    expect(format.dateTime(instant)).toBe("30 Nov 2026, 3:05 pm");
    expect(format.dateTime(instant, { seconds: true })).toBe("30 Nov 2026, 3:05:09 pm");
    expect(clinicTimeFormat("UTC", { hour12: true }).time(new Date("2026-11-30T00:10:00Z"))).toBe("12:10 am");
  });

  it("keep 24 hours where the clinic does", () => {
    const format = clinicTimeFormat("Europe/Berlin", { hour12: false });
    expect(format.span(instant, end)).toBe("15:05–15:35");
    expect(format.dayTime(instant)).toBe("Mon 30 Nov 15:05");
    expect(format.dateTime(instant)).toBe("30 Nov 2026, 15:05");
  });
});
