import type { Backup } from "../generated/central/client";

export type RetainedBackup = Pick<Backup, "id" | "kind" | "status" | "startedAt" | "verifiedAt">;

export type RetentionRules = {
  keepDaily: number;
  keepWeekly: number;
  /** How long a deleted clinic's subdomain stays reserved: its BEFORE_DELETE backup is kept as long. */
  reservationDays: number;
  /** When the clinic was deleted (null: it is not; always null for the central database). */
  deletedAt: Date | null;
  now: Date;
};

const DAY_MS = 86_400_000;

/**
 * Which of one clinic's (or the central database's) backups retention removes:
 * - SCHEDULED: kept while among the newest `keepDaily` (one a day), or the newest of its ISO week
 *   among the newest `keepWeekly` weeks;
 * - MANUAL: kept as long as the weekly ones reach back (keepWeekly weeks, at least keepDaily days);
 * - BEFORE_ROLLOUT: kept keepDaily days (long enough to notice a bad rollout);
 * - BEFORE_DELETE: kept for the deleted clinic's reservation period (like MANUAL if the delete
 *   did not happen);
 * - never the newest finished backup nor the newest verified one, while the clinic exists. Once a
 *   deleted clinic's reservation period is over, its backups go with it.
 * Only finished (DONE) backups are ever removed: a running one is in use, a failed one has no file.
 */
export function selectExpiredBackups(backups: RetainedBackup[], rules: RetentionRules): string[] {
  const done = backups
    .filter((backup) => backup.status === "DONE")
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const reservedUntil = rules.deletedAt && rules.deletedAt.getTime() + rules.reservationDays * DAY_MS;
  if (reservedUntil !== null && reservedUntil <= rules.now.getTime()) return done.map((backup) => backup.id);

  const kept = new Set<string>();
  const newest = done[0];
  if (newest) kept.add(newest.id);
  const newestVerified = done.find((backup) => backup.verifiedAt !== null);
  if (newestVerified) kept.add(newestVerified.id);

  const scheduled = done.filter((backup) => backup.kind === "SCHEDULED");
  for (const backup of scheduled.slice(0, rules.keepDaily)) kept.add(backup.id);
  const weeks = new Set<string>();
  for (const backup of scheduled) {
    const week = isoWeekOf(backup.startedAt);
    if (weeks.has(week)) continue;
    weeks.add(week);
    if (weeks.size > rules.keepWeekly) break;
    kept.add(backup.id);
  }

  const olderThan = (backup: RetainedBackup, days: number) =>
    rules.now.getTime() - backup.startedAt.getTime() > days * DAY_MS;
  const manualDays = Math.max(rules.keepWeekly * 7, rules.keepDaily);
  for (const backup of done) {
    if (backup.kind === "MANUAL" && !olderThan(backup, manualDays)) kept.add(backup.id);
    if (backup.kind === "BEFORE_ROLLOUT" && !olderThan(backup, rules.keepDaily)) kept.add(backup.id);
    if (backup.kind === "BEFORE_DELETE" && (reservedUntil !== null || !olderThan(backup, manualDays))) {
      kept.add(backup.id);
    }
  }
  return done.filter((backup) => !kept.has(backup.id)).map((backup) => backup.id);
}

/** The ISO week (Monday first, `2026-W49`) of an instant, in UTC. */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides its year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
