import { createHash } from "node:crypto";
import { localDateOf, zonedTimeToUtc } from "../clinic/time";

/** What is backed up on a schedule: a clinic (its id) or the central database, in a time zone. */
export type ScheduleTarget = { key: string; timeZone: string };

export type ScheduledSlot = {
  /** The local calendar day (YYYY-MM-DD) the backup is for: one backup per target and day. */
  day: string;
  /** When it falls due: the backup hour of that day, plus the target's own minute. */
  dueAt: Date;
};

/**
 * The minute of the backup hour at which a target's backup falls due: fixed per target and spread
 * over the hour, so a hundred clinics in one time zone do not all start at hh:00.
 */
export function slotMinute(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % 60;
}

/** A time zone the runtime knows, else UTC (a clinic's setting is checked when saved, but old rows may not be). */
export function knownTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** Today's slot of a target, in its own time zone (daylight-saving days follow the tz data). */
export function scheduledSlot(target: ScheduleTarget, now: Date, hour: number): ScheduledSlot {
  const timeZone = knownTimeZone(target.timeZone);
  const day = localDateOf(now, timeZone);
  return { day, dueAt: zonedTimeToUtc(day, hour * 60 + slotMinute(target.key), timeZone) };
}

/** How long after its slot a backup may still start: a worker that was down catches up, but not in clinic hours. */
export const CATCH_UP_HOURS = 6;

/**
 * The targets whose backup for their current local day is due and not yet asked for (`taken`
 * holds `<key>|<day>` of the scheduled backups already queued). A process that was down at the
 * slot catches up within CATCH_UP_HOURS of it; later that day it waits for the next night.
 */
export function findDueTargets(
  targets: ScheduleTarget[],
  options: { now: Date; hour: number; taken: Set<string> },
): (ScheduleTarget & ScheduledSlot)[] {
  const now = options.now.getTime();
  return targets
    .map((target) => ({ ...target, ...scheduledSlot(target, options.now, options.hour) }))
    .filter((slot) => {
      const since = now - slot.dueAt.getTime();
      return (
        since >= 0 && since < CATCH_UP_HOURS * 3_600_000 && !options.taken.has(takenKey(slot.key, slot.day))
      );
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export function takenKey(key: string, day: string): string {
  return `${key}|${day}`;
}

/** The key of the central database's schedule (no clinic id looks like it). */
export const CENTRAL_KEY = "central";
/** The key of the daily restore drill's schedule. */
export const DRILL_KEY = "drills";
/** Drills start this many hours after the backup hour, when the night's backups are mostly done. */
export const DRILL_DELAY_HOURS = 3;

/** The platform's own time zone (BACKUP_TIME_ZONE, else the process's): the central backup and drills use it. */
export function platformTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  return knownTimeZone(env.BACKUP_TIME_ZONE || Intl.DateTimeFormat().resolvedOptions().timeZone);
}
