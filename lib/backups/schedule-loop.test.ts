import { describe, expect, it } from "vitest";
import { nextTickDelay } from "./schedule-loop";

describe("the backup schedule's pace", () => {
  it("looks again within a second while scheduled work follows scheduled work", () => {
    expect(nextTickDelay({ queued: true, scheduledWorkRunning: true })).toBe(1_000);
    expect(nextTickDelay({ queued: false, scheduledWorkRunning: true })).toBe(1_000);
    expect(nextTickDelay({ queued: true, scheduledWorkRunning: false })).toBe(1_000);
  });

  it("rests 20 s when nothing is due or running", () => {
    expect(nextTickDelay({ queued: false, scheduledWorkRunning: false })).toBe(20_000);
  });
});
