import { median } from "./bench-server";

/** What a fault script records of one kill: where it struck, when it was noticed, how it ended, what failed. */
export type KillRow = {
  killedAt: string;
  noticedMs: number;
  finishedMs: number;
  outcome: string;
  /** The longest time the clinic could not be read from the kill until the job ended. */
  gapMs: number;
  problems: string[];
};

/** Milliseconds as seconds with one decimal, "—" for NaN (a kill after the job had ended). */
export const seconds = (ms: number) => (Number.isNaN(ms) ? "—" : `${(ms / 1000).toFixed(1)} s`);

/** One measure over a fault script's kills (NaN where it does not apply, e.g. a kill after the job ended). */
export type KillMeasure = { label: string; values: number[]; unit: (n: number) => string };

/**
 * The end of a kill -9 fault script (fault:move, fault:pitr): a median-and-max table of its
 * measures, the outcomes counted, and how many kills failed their checks (exit code 1 if any).
 */
export function printKillSummary(
  rows: { outcome: string; problems: string[] }[],
  measures: KillMeasure[],
): void {
  if (rows.length === 0) return;
  console.log("\n| measure | median | max |\n| --- | --- | --- |");
  for (const { label, values, unit } of measures) {
    const known = values.filter((n) => !Number.isNaN(n));
    console.log(`| ${label} | ${unit(median(known))} | ${unit(Math.max(...known))} |`);
  }
  const outcomes = new Map<string, number>();
  for (const row of rows) outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
  console.log(`\noutcomes: ${[...outcomes].map(([outcome, count]) => `${outcome} ×${count}`).join(", ")}`);
  const failed = rows.filter((row) => row.problems.length).length;
  console.log(`kills whose checks failed: ${failed} of ${rows.length}`);
  if (failed) process.exitCode = 1;
}
