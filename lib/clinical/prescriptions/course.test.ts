import { describe, expect, it } from "vitest";
import { courseEndOf } from "./course";

const start = new Date("2026-01-31T09:00:00Z");

describe("the end of a line's course", () => {
  it("is the start plus the duration once per supply (the first and each refill)", () => {
    expect(courseEndOf({ durationValue: 7, durationUnit: "DAY", refills: 0 }, start)).toEqual(
      new Date("2026-02-07T09:00:00Z"),
    );
    expect(courseEndOf({ durationValue: 2, durationUnit: "WEEK", refills: 1 }, start)).toEqual(
      new Date("2026-02-28T09:00:00Z"),
    );
  });

  it("counts months on the calendar, keeping to the month's last day", () => {
    expect(courseEndOf({ durationValue: 1, durationUnit: "MONTH", refills: 0 }, start)).toEqual(
      new Date("2026-02-28T09:00:00Z"),
    );
    expect(courseEndOf({ durationValue: 1, durationUnit: "MONTH", refills: 2 }, start)).toEqual(
      new Date("2026-04-30T09:00:00Z"),
    );
  });

  it("has no end without a duration", () => {
    expect(courseEndOf({ durationValue: null, durationUnit: null, refills: 3 }, start)).toBeNull();
  });
});
