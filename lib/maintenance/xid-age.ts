/**
 * How close a database is to transaction-ID wraparound, from `age(datfrozenxid)`.
 *
 * PostgreSQL has about 2.1 billion (2^31) transaction IDs in view at once; rows older than that
 * must be "frozen" by VACUUM, or PostgreSQL stops accepting writes (it refuses new transaction IDs
 * a few million short of the limit) to avoid seeing old rows as from the future.
 * - Autovacuum forces a freezing vacuum at autovacuum_freeze_max_age (200 million by default), so
 *   an age above 200 million means it is falling behind or blocked (a long transaction, a stuck
 *   vacuum, an abandoned replication slot or prepared transaction): a warning, with years of margin
 *   on most clinics but worth a look by day.
 * - Above 1 billion nearly half the ID space is used: critical, act now; at a busy clinic's rate
 *   the rest can go in days.
 */
export const XID_WARNING_AGE = 200_000_000;
export const XID_CRITICAL_AGE = 1_000_000_000;
export const XID_WRAPAROUND_LIMIT = 2 ** 31;

export type XidLevel = "ok" | "warning" | "critical";

export function xidAgeLevel(age: number): XidLevel {
  if (age > XID_CRITICAL_AGE) return "critical";
  if (age > XID_WARNING_AGE) return "warning";
  return "ok";
}

/** "250 million", "1.2 billion", "3,456". */
export function formatXidCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)} billion`;
  if (value >= 1e6) return `${Math.round(value / 1e6)} million`;
  return value.toLocaleString("en-US");
}

/** What the level means and what to do, in words for an operator woken at night. */
export function describeXidAge(age: number): { level: XidLevel; text: string } {
  const level = xidAgeLevel(age);
  const used = Math.round((age / XID_WRAPAROUND_LIMIT) * 100);
  const size = formatXidCount(age);
  if (level === "critical") {
    return {
      level,
      text: `Urgent: ${size} transaction IDs old, ${used}% of the way to the 2.1 billion limit at which PostgreSQL stops accepting writes. Run Vacuum on this database now and end long-running transactions that block it.`,
    };
  }
  if (level === "warning") {
    return {
      level,
      text: `Autovacuum is behind: ${size} transaction IDs old (it should freeze by 200 million; the hard limit is 2.1 billion, ${used}% used). Not urgent tonight; look for long-running transactions, then run Vacuum.`,
    };
  }
  return { level, text: `Fine: ${size} transaction IDs old; autovacuum keeps it well below the limits.` };
}
