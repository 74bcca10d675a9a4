// npm run bench:move [-- --patients 50000 --appointments 100000 --invoices 20000 --moves 10 --readers 4
// --method replication|backup]: one clinic filled with a practice's history on one of two embedded servers
// (wal_level=logical; replica with --method backup, so each move is by backup and restore) is moved back and
// forth by the move job (lib/moves) while readers and a counted writer use it through the app's registry.
// Per move: the whole move, the window the clinic is paused (the job's suspendedMs: the cut-over, or fence to
// switch), the longest client gap, failed requests inside and outside the window; after it, the target's rows
// against the source's at the switch (per-table checksums), the MRN sequence and the writer's rows.
import { parseArgs } from "node:util";
import { MOVE_METHODS, type MoveMethod, type MoveResult } from "../lib/moves/move-plan";
import { moveClinic } from "../lib/moves/move-service";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { median } from "./lib/bench-server";
import { type MoveWindow, measureAroundWindow, startCountedWriter, startReaders } from "./lib/move-load";
import {
  describeMoveSetup,
  homeOf,
  type MovePlatform,
  provisionFilledClinic,
  readVolume,
  removeKeptDatabase,
  volumeOptions,
  withMovePlatform,
} from "./lib/move-platform";
import { checkMovedRows } from "./lib/move-rows";
import { longestGap, requestsBetween } from "./lib/request-load";

const { values } = parseArgs({
  options: {
    ...volumeOptions({ patients: 50_000, appointments: 100_000, invoices: 20_000 }),
    moves: { type: "string", default: "10" },
    readers: { type: "string", default: "4" },
    method: { type: "string", default: "replication" },
  },
});
const { method: methodFlag, ...sizes } = values;
if (!MOVE_METHODS.includes(methodFlag as MoveMethod))
  throw new Error(`--method takes one of: ${MOVE_METHODS.join(", ")}.`);
const method = methodFlag as MoveMethod;
const volume = readVolume(sizes);
const SUBDOMAIN = "mover";
/** The cut-over's target; a move by backup pauses for the whole copy, which has none. */
const TARGET_WINDOW_MS = method === "replication" ? 5_000 : null;
/** The step that begins the pause, and the steps whose times a move's line shows. */
const PAUSE_STEP = method === "replication" ? "cutover" : "fence";
const SHOWN_STEPS =
  method === "replication"
    ? /^(database|copy|catchup|cutover|cleanup) /
    : /^(fence|dump|create|restore|verify|migrate|access|switch|cleanup) /;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type MoveRow = {
  /** The clinic's pg_database_size on the server it left. */
  databaseBytes: number;
  moveMs: number;
  steps: string;
  result: MoveResult;
  windowMs: number;
  measured: ReturnType<typeof measureAroundWindow>;
  rows: Awaited<ReturnType<typeof checkMovedRows>>;
};

const walLevel = method === "replication" ? "logical" : "replica";
await withMovePlatform({ label: "bm", ports: [57710, 57810], walLevel }, async (run) => {
  console.log(`bench:move; ${describeMoveSetup(run)}`);
  const { clinic, filled } = await provisionFilledClinic(run, SUBDOMAIN, volume);
  console.log(`clinic: ${filled}`);
  const target = {
    central: run.platform.central,
    centralUrl: run.platform.centralUrl,
    subdomain: SUBDOMAIN,
    databaseName: clinic.databaseName,
  };
  const readers = startReaders(target, Number(values.readers));
  const rows: MoveRow[] = [];
  try {
    await sleep(2_000);
    const quiet = performance.now();
    await sleep(5_000);
    const calm = requestsBetween(readers.load.requests(), quiet, performance.now());
    const calmGap = longestGap(readers.load.requests(), quiet, performance.now());
    console.log(
      `load: ${values.readers} readers (20 ms apart) + 1 writer (50 ms apart) through the registry; without a move: ${calm.latencies.length} reads in 5 s, median ${median(calm.latencies).toFixed(0)} ms, ${calm.errors.size} kinds of failure, longest gap ${calmGap.toFixed(0)} ms\n`,
    );
    let since = performance.now();
    for (let i = 0; i < Number(values.moves); i++) {
      const row = await measureMove(run, readers, since);
      since = performance.now();
      rows.push(row);
      printMove(i + 1, row);
    }
  } finally {
    await readers.load.stop();
  }
  printSummary(rows);
});

/** One move under the load, its figures, and the checks of its rows; then the old copy is removed. */
async function measureMove(
  run: MovePlatform,
  readers: ReturnType<typeof startReaders>,
  since: number,
): Promise<MoveRow> {
  const { clinic, home, other } = await homeOf(run, SUBDOMAIN);
  const databaseBytes = await withAdminClient(home.server, "postgres", async (admin) => {
    const { rows } = await admin.query<{ size: string }>("SELECT pg_database_size($1)::text AS size", [
      clinic.databaseName,
    ]);
    return Number(rows[0]?.size);
  });
  const writer = startCountedWriter({
    central: run.platform.central,
    centralUrl: run.platform.centralUrl,
    subdomain: SUBDOMAIN,
    databaseName: clinic.databaseName,
  });
  await sleep(500);
  const marks: [string, number][] = [];
  const started = performance.now();
  const result = await moveClinic({
    central: run.platform.central,
    env: run.platform.env,
    request: { subdomain: SUBDOMAIN, toServer: other.server.name },
    onMoveStep: (step, detail) => {
      if (!detail) marks.push([step, performance.now()]);
    },
  });
  const moveMs = performance.now() - started;
  // The load goes on against the new server for a while, then the writer stops so its rows can be counted.
  await sleep(1_500);
  await writer.load.stop();
  const at = (step: string) => marks.find(([name]) => name === step)?.[1] ?? Number.NaN;
  const window: MoveWindow = { from: at(PAUSE_STEP), to: at("cleanup") };
  const measured = measureAroundWindow({
    loads: [readers.load, writer.load],
    answers: readers.answers,
    span: { from: since, to: performance.now() },
    window,
    oldPort: home.embedded.port,
  });
  const checked = await checkMovedRows({
    from: home.server,
    to: other.server,
    databaseName: clinic.databaseName,
    written: writer.written,
  });
  await removeKeptDatabase(run, home.server, clinic);
  const steps = marks
    .map(([step, time], i) => `${step} ${seconds((marks[i + 1]?.[1] ?? started + moveMs) - time)}`)
    .filter((line) => SHOWN_STEPS.test(line))
    .join(", ");
  return { databaseBytes, moveMs, steps, result, windowMs: window.to - window.from, measured, rows: checked };
}

function printMove(n: number, row: MoveRow): void {
  const { result, measured, rows } = row;
  console.log(
    `move ${String(n).padStart(2)} ${result.fromServer} → ${result.toServer} by ${result.method}: ${seconds(row.moveMs)} (${row.steps}); suspended ${result.suspendedMs} ms (${(row.databaseBytes / 2 ** 20).toFixed(0)} MB: ${(row.databaseBytes / 2 ** 20 / (result.suspendedMs / 1000)).toFixed(1)} MB per second paused); longest client gap ${measured.gapMs.toFixed(0)} ms; failed requests inside ${measured.inside}, outside ${measured.outside} (of ${measured.requests}); answers from the old server after the switch ${measured.oldAnswers}`,
  );
  console.log(
    `   rows: ${rows.rows.toLocaleString("en")} in ${rows.tables} tables ${rows.problems.length ? "DIFFER" : "equal to the source's at the cut-over"}; last MRN before P-${String(rows.lastMrnBefore).padStart(6, "0")}, first after ${rows.firstMrnAfter}; ${rows.writtenAfter} written after the switch${rows.problems.length ? `; PROBLEMS: ${rows.problems.join("; ")}` : ""}`,
  );
  for (const [kind, count] of measured.kinds) console.log(`   ${count} × ${kind}`);
}

function printSummary(rows: MoveRow[]): void {
  if (rows.length === 0) return;
  const line = (label: string, list: number[], unit: (n: number) => string, target = "") =>
    console.log(`| ${label} | ${unit(median(list))} | ${unit(Math.max(...list))} | ${target} |`);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const count = (n: number) => String(n);
  const worstWindow = Math.max(...rows.map((row) => row.result.suspendedMs));
  const outside = rows.reduce((sum, row) => sum + row.measured.outside, 0);
  const broken = rows.filter((row) => row.rows.problems.length || row.measured.oldAnswers).length;
  console.log(`\n${rows.length} moves\n| measure | median | worst | target |\n| --- | --- | --- | --- |`);
  line(
    "whole move",
    rows.map((row) => row.moveMs),
    seconds,
  );
  line(
    method === "replication" ? "cut-over window (suspendedMs)" : "pause, fence to switch (suspendedMs)",
    rows.map((row) => row.result.suspendedMs),
    ms,
    TARGET_WINDOW_MS === null
      ? ""
      : `≤ ${TARGET_WINDOW_MS / 1000} s worst: ${worstWindow <= TARGET_WINDOW_MS ? "met" : "MISSED"}`,
  );
  line(
    `${PAUSE_STEP} step to cleanup as the bench saw it`,
    rows.map((row) => row.windowMs),
    ms,
  );
  line(
    "longest client gap",
    rows.map((row) => row.measured.gapMs),
    ms,
  );
  line(
    "failed requests inside the window",
    rows.map((row) => row.measured.inside),
    count,
  );
  line(
    "failed requests outside the window",
    rows.map((row) => row.measured.outside),
    count,
    `0: ${outside === 0 ? "met" : `MISSED (${outside})`}`,
  );
  console.log(
    `moves whose rows, MRNs or routing were wrong: ${broken} of ${rows.length} (target 0: ${broken ? "MISSED" : "met"})`,
  );
  if ((TARGET_WINDOW_MS !== null && worstWindow > TARGET_WINDOW_MS) || outside > 0 || broken > 0)
    process.exitCode = 1;
}
