// npm run fault:move [-- --kills 20 --patients 5000 --appointments 10000 --invoices 2000]: one clinic is
// moved between two embedded servers (wal_level=logical) by processes of their own
// (lib/testing/move-child.ts) killed with SIGKILL at the start of each move step in turn, within the
// cut-over (source closed; role fenced, not yet switched), then at random moments; a job worker in
// this process must take every move back and finish it or undo it. After each kill: the clinic
// serves from exactly one database with every row, the other copy is fenced or gone, nothing of the
// replication is left, kept_databases is right; a reader through the registry measures the outage.
import { parseArgs } from "node:util";
import type { Manifest } from "../lib/backups/manifest";
import type { DatabaseServer } from "../lib/generated/central/client";
import { JobRunner } from "../lib/jobs/runner";
import { JobWorker } from "../lib/jobs/worker";
import { MOVE_STEPS } from "../lib/moves/move-plan";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { platformJobHandlers } from "../lib/tenancy/job-worker";
import { runScriptProcess, type ScriptProcess } from "../lib/testing/child-process";
import { type KillRow, printKillSummary, seconds } from "./lib/kill-summary";
import { startReaders } from "./lib/move-load";
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
import { manifestOfDatabase } from "./lib/move-rows";
import { checkClinicAfterMove } from "./lib/move-state";
import { longestGap } from "./lib/request-load";

const { values } = parseArgs({
  options: {
    ...volumeOptions({ patients: 5_000, appointments: 10_000, invoices: 2_000 }),
    kills: { type: "string", default: "20" },
  },
});
const volume = readVolume(values);
const kills = Number(values.kills);
const SUBDOMAIN = "moving";
const REAP_MS = 2_000;
const POINTS = [...MOVE_STEPS.replication, "closed", "fenced"];
const CHILD = "lib/testing/move-child.ts";
const children = new Set<ScriptProcess>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await withMovePlatform({ label: "fm", ports: [57910, 58010] }, async (run) => {
  const { platform } = run;
  console.log(`fault:move; ${describeMoveSetup(run)}`);
  const { clinic, filled } = await provisionFilledClinic(run, SUBDOMAIN, volume);
  const worker = await startTakeBackWorker(run);
  const target = { ...platform, subdomain: SUBDOMAIN, databaseName: clinic.databaseName };
  const reader = startReaders(target, 1);
  const rows: KillRow[] = [];
  try {
    const baseline = await timeWholeMove(run);
    console.log(`clinic: ${filled}; ${kills} kills; reaper every ${REAP_MS / 1000} s`);
    console.log(
      `an uninterrupted move took ${seconds(baseline)} (first step to done, in a process of its own)\n`,
    );
    for (let i = 0; i < kills; i++) {
      const row = await killOneMove(run, POINTS[i], baseline, reader.load, i);
      rows.push(row);
      console.log(
        `  ${String(i + 1).padStart(2)} ${row.killedAt.padEnd(26)} noticed ${seconds(row.noticedMs).padStart(6)}  ended ${seconds(row.finishedMs).padStart(7)}  ${row.outcome.padEnd(9)} longest gap ${row.gapMs.toFixed(0)} ms  ${row.problems.length ? `PROBLEMS: ${row.problems.join("; ")}` : "checks ok"}`,
      );
    }
  } finally {
    await Promise.all([...children].map((child) => child.killHard()));
    await reader.load.stop();
    await worker.stop(5_000);
  }
  printSummary(rows, reader.load.requests());
});

/** One round: a child moves the clinic to the other server and is killed at `point` (random when none). */
async function killOneMove(
  run: MovePlatform,
  point: string | undefined,
  baseline: number,
  load: ReturnType<typeof startReaders>["load"],
  round: number,
): Promise<KillRow> {
  const { clinic, home, other } = await homeOf(run, SUBDOMAIN);
  await addRoundRows(home.server, clinic.databaseName, round);
  const before: Manifest = await manifestOfDatabase(home.server, clinic.databaseName);
  const child = startMoveChild(run, other.server.name, point);
  const jobId = (await child.waitForLine(/^job /)).slice(4);
  if (point) await child.waitForLine(new RegExp(`^paused ${point}$`), 600_000);
  else {
    await child.waitForLine(/^step check$/);
    await sleep(Math.random() * baseline);
  }
  const reached = /^done$/m.test(child.output())
    ? "after the end"
    : `in ${[...child.output().matchAll(/^step (\w+)$/gm)].at(-1)?.[1] ?? "claim"}`;
  const killed = performance.now();
  const killedAt = Date.now();
  await child.killHard();
  const ended = await followJob(run, jobId, killedAt);
  const check = await checkClinicAfterMove({
    run,
    subdomain: SUBDOMAIN,
    jobId,
    state: ended.state,
    source: home.server,
    before,
  });
  if (check.moved) await removeKeptDatabase(run, home.server, clinic);
  const where = !point
    ? `random (${reached})`
    : MOVE_STEPS.replication.includes(point as never)
      ? `start of ${point}`
      : `cut-over: ${point}`;
  return {
    killedAt: where,
    noticedMs: ended.noticedMs,
    finishedMs: ended.finishedMs,
    outcome: `${ended.state === "SUCCEEDED" ? "moved" : ended.state === "FAILED" ? "undone" : ended.state.toLowerCase()}`,
    gapMs: longestGap(
      load.requests(),
      killed,
      killed + (Number.isNaN(ended.finishedMs) ? 0 : ended.finishedMs),
    ),
    problems: ended.state === "FAILED" ? [...check.problems, `gave up: ${ended.lastError}`] : check.problems,
  };
}

/** The job worker that takes back what a killed child was running (as a platform's worker would). */
async function startTakeBackWorker(run: MovePlatform): Promise<JobWorker> {
  const { central, centralUrl, env } = run.platform;
  const runner = new JobRunner({ central, centralUrl, handlers: platformJobHandlers({ central, env }) });
  const worker = new JobWorker(runner, { centralUrl, reapMs: REAP_MS, pollMs: 500, log: () => {} });
  await worker.start();
  return worker;
}

/** Rows only this round's source has, so each round's data differs from the last. */
function addRoundRows(server: DatabaseServer, databaseName: string, round: number) {
  return withAdminClient(server, databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Round', 'R' || $1 || '-' || n, date '1990-01-01' + n, now() FROM generate_series(1, 20) n`,
      [round],
    ),
  );
}

/** The child that moves the clinic to `to` (held at `point`), killed at the latest when this script ends. */
function startMoveChild(run: MovePlatform, to: string, point?: string): ScriptProcess {
  const args = [run.platform.centralUrl, SUBDOMAIN, to, ...(point ? [point] : [])];
  const child = runScriptProcess(CHILD, args, run.platform.env);
  children.add(child);
  return child;
}

/** A whole move by the child, not killed: from its first step to done; the old copy is removed after. */
async function timeWholeMove(run: MovePlatform): Promise<number> {
  const { clinic, home, other } = await homeOf(run, SUBDOMAIN);
  const child = startMoveChild(run, other.server.name);
  await child.waitForLine(/^step check$/);
  const started = performance.now();
  await child.waitForLine(/^done$/, 600_000);
  const took = performance.now() - started;
  await child.killHard();
  await removeKeptDatabase(run, home.server, clinic);
  return took;
}

/** Until the job SUCCEEDED or FAILED: when its killed attempt was marked DIED, and when the job ended. */
async function followJob(run: MovePlatform, jobId: string, killedAt: number) {
  const { central } = run.platform;
  for (;;) {
    const job = await central.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.state === "SUCCEEDED" || job.state === "FAILED" || Date.now() > killedAt + 600_000) {
      const died = await central.jobAttempt.findFirst({ where: { jobId, state: "DIED" } });
      const finishedMs = (job.finishedAt?.getTime() ?? Date.now()) - killedAt;
      return {
        state: job.state,
        lastError: job.lastError,
        noticedMs: died?.endedAt ? died.endedAt.getTime() - killedAt : Number.NaN,
        // A random kill may come after the job ended: nothing to take back (shown as —).
        finishedMs: finishedMs < 0 ? Number.NaN : finishedMs,
      };
    }
    await sleep(100);
  }
}

function printSummary(
  rows: KillRow[],
  logs: ReturnType<ReturnType<typeof startReaders>["load"]["requests"]>,
): void {
  printKillSummary(rows, [
    { label: "death noticed after the kill", values: rows.map((row) => row.noticedMs), unit: seconds },
    {
      label: "move finished or undone after the kill",
      values: rows.map((row) => row.finishedMs),
      unit: seconds,
    },
    {
      label: "longest time the clinic could not be read",
      values: rows.map((row) => row.gapMs),
      unit: (ms) => `${ms.toFixed(0)} ms`,
    },
  ]);
  const reads = logs.flat();
  const errors = new Map<string, number>();
  for (const read of reads) if (read.error) errors.set(read.error, (errors.get(read.error) ?? 0) + 1);
  console.log(
    `reads through the registry: ${reads.length - [...errors.values()].reduce((a, b) => a + b, 0)} ok`,
  );
  for (const [words, count] of errors) console.log(`  ${count} × ${words}`);
}
