import { describe, expect, it } from "vitest";
import type { BackupKind } from "../generated/central/client";
import { isoWeekOf, type RetainedBackup, type RetentionRules, selectExpiredBackups } from "./retention";

const now = new Date("2026-11-30T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
let next = 0;
const backup = (kind: BackupKind, age: number, extra: Partial<RetainedBackup> = {}): RetainedBackup => ({
  id: `b${next++}-${kind}-${age}`,
  kind,
  status: "DONE",
  startedAt: daysAgo(age),
  verifiedAt: null,
  ...extra,
});
const rules: RetentionRules = { keepDaily: 7, keepWeekly: 4, reservationDays: 30, deletedAt: null, now };
const kept = (backups: RetainedBackup[], options = rules) => {
  const expired = new Set(selectExpiredBackups(backups, options));
  return backups.filter((row) => !expired.has(row.id)).map((row) => row.id);
};

describe("retention", () => {
  it("keeps the newest 7 daily backups and the newest of each of 4 weeks, and removes the rest", () => {
    const daily = Array.from({ length: 60 }, (_, day) => backup("SCHEDULED", day));
    const keptIds = kept(daily);
    for (const row of daily.slice(0, 7)) expect(keptIds).toContain(row.id);
    const weeks = new Set(
      daily.filter((row) => keptIds.includes(row.id)).map((row) => isoWeekOf(row.startedAt)),
    );
    expect(weeks.size).toBe(4);
    expect(keptIds.length).toBeLessThanOrEqual(7 + 4);
    expect(daily.filter((row) => !keptIds.includes(row.id)).every((row) => row.startedAt <= daysAgo(7))).toBe(
      true,
    );
  });

  it("never removes the last verified backup nor the newest finished one", () => {
    const verified = backup("SCHEDULED", 90, { verifiedAt: daysAgo(89) });
    const backups = [
      ...Array.from({ length: 20 }, (_, day) =>
        backup("SCHEDULED", day, { status: day === 0 ? "FAILED" : "DONE" }),
      ),
      verified,
    ];
    const keptIds = kept(backups, { ...rules, keepDaily: 1, keepWeekly: 0 });
    expect(keptIds).toContain(verified.id);
    expect(keptIds).toContain(backups[1]?.id);
    expect(kept([backup("MANUAL", 400)], { ...rules, keepDaily: 0, keepWeekly: 0 })).toHaveLength(1);
  });

  it("leaves running and failed backups alone", () => {
    const running = backup("SCHEDULED", 100, { status: "RUNNING" });
    const failed = backup("SCHEDULED", 100, { status: "FAILED" });
    expect(selectExpiredBackups([running, failed, backup("SCHEDULED", 0)], rules)).toEqual([]);
  });

  it("keeps manual backups for the weekly window and pre-rollout ones for the daily window", () => {
    const manualNew = backup("MANUAL", 27);
    const manualOld = backup("MANUAL", 29);
    const rolloutNew = backup("BEFORE_ROLLOUT", 6);
    const rolloutOld = backup("BEFORE_ROLLOUT", 8);
    const newest = backup("SCHEDULED", 0);
    expect(kept([newest, manualNew, manualOld, rolloutNew, rolloutOld]).sort()).toEqual(
      [newest.id, manualNew.id, rolloutNew.id].sort(),
    );
  });

  it("keeps a deleted clinic's backups through its reservation period, then removes all of them", () => {
    const final = backup("BEFORE_DELETE", 10, { verifiedAt: daysAgo(10) });
    const older = backup("SCHEDULED", 11);
    const deletedAt = daysAgo(10);
    expect(kept([final, older], { ...rules, deletedAt })).toContain(final.id);
    const later = { ...rules, deletedAt, now: new Date(deletedAt.getTime() + 31 * 86_400_000) };
    expect(selectExpiredBackups([final, older], later).sort()).toEqual([final.id, older.id].sort());
  });

  it("names ISO weeks with the Thursday's year", () => {
    expect(isoWeekOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-W49");
    expect(isoWeekOf(new Date("2027-01-01T00:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2026-01-01T00:00:00Z"))).toBe("2026-W01");
  });
});
