import { describe, expect, it } from "vitest";
import { addDays, formatClinicTime, localDateOf, weekdayOf, zonedTimeToUtc } from "./time";

describe("clinic time", () => {
  it("turns clinic wall time into UTC, summer and winter", () => {
    expect(zonedTimeToUtc("2026-07-01", 9 * 60, "Europe/Berlin").toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-01-15", 9 * 60, "Europe/Berlin").toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-01-15", 9 * 60, "America/New_York").toISOString()).toBe(
      "2026-01-15T14:00:00.000Z",
    );
  });

  it("moves a time skipped by the spring change forward by the gap, and a repeated autumn time to its first occurrence", () => {
    // Berlin, 29 March 2026: 02:00 → 03:00.
    expect(zonedTimeToUtc("2026-03-29", 2 * 60 + 30, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(zonedTimeToUtc("2026-03-29", 3 * 60, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    // Berlin, 25 October 2026: 03:00 → 02:00; 02:30 happens twice.
    expect(zonedTimeToUtc("2026-10-25", 2 * 60 + 30, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("reads dates, weekdays and times back in clinic time", () => {
    const instant = new Date("2026-07-01T22:30:00Z");
    expect(localDateOf(instant, "Europe/Berlin")).toBe("2026-07-02");
    expect(formatClinicTime(instant, "Europe/Berlin")).toBe("00:30");
    expect(weekdayOf("2026-11-26")).toBe(4);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
