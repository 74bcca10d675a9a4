import { describe, expect, it } from "vitest";
import { findDueTargets, scheduledSlot, slotMinute, takenKey } from "./schedule";

const clinic = (key: string, timeZone: string) => ({ key, timeZone });

describe("the backup schedule", () => {
  it("puts each clinic's backup at the backup hour of its own time zone, at its own minute", () => {
    const tokyo = clinic("a1", "Asia/Tokyo");
    const minute = slotMinute("a1");
    const slot = scheduledSlot(tokyo, new Date("2026-11-30T12:00:00Z"), 2);
    expect(slot.day).toBe("2026-11-30");
    // 02:mm in Tokyo (UTC+9) is 17:mm UTC the day before.
    expect(slot.dueAt.toISOString()).toBe(`2026-11-29T17:${String(minute).padStart(2, "0")}:00.000Z`);
  });

  it("spreads clinics over the hour instead of starting them all at hh:00", () => {
    const minutes = new Set(Array.from({ length: 50 }, (_, n) => slotMinute(`clinic-${n}`)));
    expect(minutes.size).toBeGreaterThan(20);
    for (const minute of minutes) expect(minute).toBeGreaterThanOrEqual(0);
  });

  it("is due once the slot has come, and not again that local day once taken", () => {
    const lisbon = clinic("b2", "Europe/Lisbon");
    const { dueAt, day } = scheduledSlot(lisbon, new Date("2026-06-15T12:00:00Z"), 3);
    const before = new Date(dueAt.getTime() - 60_000);
    const after = new Date(dueAt.getTime() + 60_000);
    expect(findDueTargets([lisbon], { now: before, hour: 3, taken: new Set() })).toEqual([]);
    expect(findDueTargets([lisbon], { now: after, hour: 3, taken: new Set() })).toMatchObject([
      { key: "b2", day },
    ]);
    expect(findDueTargets([lisbon], { now: after, hour: 3, taken: new Set([takenKey("b2", day)]) })).toEqual(
      [],
    );
  });

  it("catches up within a few hours after a worker was down at the slot, but not in the afternoon", () => {
    const target = clinic("c3", "America/New_York");
    const morning = new Date("2026-11-30T12:00:00Z"); // 07:00 in New York
    expect(findDueTargets([target], { now: morning, hour: 2, taken: new Set() })).toMatchObject([
      { key: "c3", day: "2026-11-30" },
    ]);
    const evening = new Date("2026-11-30T23:00:00Z"); // 18:00 in New York
    expect(findDueTargets([target], { now: evening, hour: 2, taken: new Set() })).toEqual([]);
  });

  it("keeps to the wall clock across a daylight-saving change", () => {
    const target = clinic("d4", "Europe/Berlin");
    const minute = String(slotMinute("d4")).padStart(2, "0");
    // Berlin is UTC+2 in summer and UTC+1 after 25 October 2026.
    expect(scheduledSlot(target, new Date("2026-10-24T12:00:00Z"), 4).dueAt.toISOString()).toBe(
      `2026-10-24T02:${minute}:00.000Z`,
    );
    expect(scheduledSlot(target, new Date("2026-10-26T12:00:00Z"), 4).dueAt.toISOString()).toBe(
      `2026-10-26T03:${minute}:00.000Z`,
    );
  });

  it("falls back to UTC for a time zone the runtime does not know", () => {
    const slot = scheduledSlot(clinic("e5", "Mars/Olympus"), new Date("2026-11-30T12:00:00Z"), 0);
    expect(slot.dueAt.toISOString().slice(0, 13)).toBe("2026-11-30T00");
  });

  it("orders due clinics by their slot, earliest first", () => {
    // Berlin (UTC+1 in November) reaches 05:00 an hour before London does.
    const now = new Date("2026-11-30T05:59:00Z");
    const due = findDueTargets([clinic("x", "Europe/London"), clinic("y", "Europe/Berlin")], {
      now,
      hour: 5,
      taken: new Set(),
    });
    expect(due.map((target) => target.key)).toEqual(["y", "x"]);
  });
});
