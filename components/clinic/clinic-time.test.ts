import { describe, expect, it } from "vitest";
import { formatClinicTime } from "@/lib/clinic/time";
import { formatClinicDateTime } from "./clinic-time";

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
