import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DbTimeouts } from "../../lib/db/connection-timeouts";
import { projectRoot } from "../../lib/db/project-root";
import { median, percentile } from "./bench-server";
import type { PacedSample } from "./paced-load";

/** When the fault began and ended, in ms since the load began. */
export type FaultTimeline = { faultAt: number; backAt: number; endAt: number };

export type FaultSummary = { met: boolean; lines: string[] };

// Requests that start this long after the server is back must all succeed (the target).
const SETTLE_MS = 5_000;
// Slack over the stated bound for the app's own work and scheduling on a busy machine.
const SLACK_MS = 1_000;

const RELIABILITY_FILE = path.join(projectRoot, "bench/RELIABILITY.md");

/** Per phase: requests, answers by status, latencies; the verdicts against the targets. */
export function summarizeFault(options: {
  samples: PacedSample[];
  timeline: FaultTimeline;
  timeouts: DbTimeouts;
  crashed: boolean;
  log: string;
}): FaultSummary {
  const { samples, timeline, timeouts } = options;
  const phases: Array<[string, number, number]> = [
    ["before the fault", 0, timeline.faultAt],
    ["during the fault", timeline.faultAt, timeline.backAt],
    ["first 5 s after it is back", timeline.backAt, timeline.backAt + SETTLE_MS],
    ["from 5 s after it is back", timeline.backAt + SETTLE_MS, Number.POSITIVE_INFINITY],
  ];
  const rows = phases.map(([label, from, to]) => {
    const inPhase = samples.filter((sample) => sample.startMs >= from && sample.startMs < to);
    const ms = inPhase.map((sample) => sample.ms);
    const failed = inPhase.filter((sample) => sample.status !== 200).length;
    return {
      label,
      cells: [
        label,
        String(inPhase.length),
        describeStatuses(inPhase),
        String(failed),
        fmt(median(ms)),
        fmt(percentile(ms, 99)),
        fmt(Math.max(0, ...ms)),
      ],
      failed,
    };
  });
  const boundMs = timeouts.connectTimeoutMs + timeouts.queryTimeoutMs;
  const slowest = Math.max(0, ...samples.map((sample) => sample.ms));
  // Latency the app had before any fault: on a shared machine it adds to every wait the timeouts bound.
  const slowestBefore = Math.max(
    0,
    ...samples.filter((sample) => sample.startMs < timeline.faultAt).map((sample) => sample.ms),
  );
  const settledFailures = rows[3]?.failed ?? 0;
  const requestFailedLines = options.log
    .split("\n")
    .filter((line) => line.includes('"msg":"request failed"'));
  const crashLines = options.log
    .split("\n")
    .filter((line) => /uncaughtException|unhandledRejection|Unhandled 'error' event/.test(line));
  const verdict = (met: boolean) => (met ? "met" : "**missed**");
  const boundMet = slowest <= boundMs + SLACK_MS;
  const met = boundMet && settledFailures === 0 && !options.crashed && crashLines.length === 0;
  const lines = [
    "| phase | requests | answers | not 200 | median ms | p99 ms | max ms |",
    "| ----- | -------: | ------- | ------: | --------: | -----: | -----: |",
    ...rows.map((row) => `| ${row.cells.join(" | ")} |`),
    "",
    `- Longest request: ${fmt(slowest)} ms; stated bound DB_CONNECT_TIMEOUT_MS + DB_QUERY_TIMEOUT_MS = ${boundMs} ms (+ ${SLACK_MS} ms slack): ${verdict(boundMet)} (the slowest request before the fault took ${fmt(slowestBefore)} ms).`,
    `- Requests not answered 200 from 5 s after the server was back: ${settledFailures} (target 0): ${verdict(settledFailures === 0)}.`,
    `- App process: ${options.crashed ? "**exited**" : "still running"}; crash-like log lines (uncaught, unhandled 'error'): ${crashLines.length}; "request failed" log lines: ${requestFailedLines.length}.`,
    `- The fault lasted ${fmt(timeline.backAt - timeline.faultAt)} ms (from the fault's start until PostgreSQL answered again).`,
  ];
  return { met, lines };
}

/** Replaces the script's own section of bench/RELIABILITY.md (between its markers), or appends it. */
export async function writeReliabilitySection(options: {
  script: string;
  title: string;
  setup: string[];
  summary: FaultSummary;
}): Promise<void> {
  const start = `<!-- ${options.script}: start -->`;
  const end = `<!-- ${options.script}: end -->`;
  const section = [
    start,
    `## ${options.title} (\`npm run ${options.script}\`)`,
    "",
    ...options.setup.map((line) => `- ${line}`),
    "",
    ...options.summary.lines,
    end,
  ].join("\n");
  const current = await readFile(RELIABILITY_FILE, "utf8").catch(() => "# Reliability\n");
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(RELIABILITY_FILE, next);
  // Laid out as the lint step expects (Biome formats Markdown tables), so a rerun never fails `npm test`.
  execFileSync(path.join(projectRoot, "node_modules/.bin/biome"), ["format", "--write", RELIABILITY_FILE], {
    stdio: "ignore",
  });
}

function describeStatuses(samples: PacedSample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples)
    counts.set(String(sample.status), (counts.get(String(sample.status)) ?? 0) + 1);
  return (
    [...counts.entries()]
      .sort()
      .map(([status, count]) => `${status}×${count}`)
      .join(", ") || "—"
  );
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : "—");
