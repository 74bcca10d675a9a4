// npm run fault:pitr [-- --kills 15 --patients 5000]: one clinic on an embedded PostgreSQL that archives
// its WAL with pgBackRest is restored to a moment ("pitr-restore-clinic") by processes of their own
// (lib/testing/restore-child.ts) killed with SIGKILL at the start of each step in turn, within the
// swap (connections refused; renames committed), then at random moments within random steps; a job
// worker in this process must take every restore back and finish it or give it up. Each round takes
// an incremental pgBackRest backup, writes a patient, notes the moment, writes another, and restores
// to that moment. After each kill, once the job ended, bench/lib/pitr-checks.ts checks what the
// clinic serves and what is left; a read loop through the clinic's role measures how long it could
// not be read.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseServer } from "../lib/generated/central/client";
import { JobRunner } from "../lib/jobs/runner";
import { JobWorker } from "../lib/jobs/worker";
import { runPgBackRest } from "../lib/pitr/pgbackrest";
import { addMomentPatient, type PitrFixture, startPitrFixture } from "../lib/pitr/pitr-fixture";
import { PITR_STEPS, type PitrStep } from "../lib/pitr/pitr-job";
import { findRecoverableWindow } from "../lib/pitr/recoverable-window";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { platformJobHandlers } from "../lib/tenancy/job-worker";
import { decryptSecret } from "../lib/tenancy/secrets";
import { clinicConnectionUrl } from "../lib/tenancy/servers";
import { runScriptProcess, type ScriptProcess } from "../lib/testing/child-process";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { manifestOf } from "../lib/testing/restore-state";
import { machineLine, startBenchServer } from "./lib/bench-server";
import { startClinicReadLoop } from "./lib/clinic-read-loop";
import { type KillRow, printKillSummary, seconds } from "./lib/kill-summary";
import { checkPitrClinic, type PitrRound } from "./lib/pitr-checks";
import { dropAsideDatabases } from "./lib/restore-checks";

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "15" },
    patients: { type: "string", default: "5000" },
  },
});
for (const [flag, value] of Object.entries(values)) {
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new Error(`--${flag} takes a positive whole number.`);
}
const kills = Number(values.kills);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
const SUBDOMAIN = "pitr";
const REAP_MS = 2_000;
const POINTS = [...PITR_STEPS, "suspended", "swapped"];
const CHILD = "lib/testing/restore-child.ts";
const children = new Set<ScriptProcess>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = KillRow & { takenUpMs: number; slowestStep: string };

const central = await startBenchServer();
const platform = await createPlatformFixture(central.adminUrl, { label: "fp" });
const scratchDir = await mkdtemp(path.join(os.tmpdir(), "fault-pitr-"));
// The scratch PostgreSQL runs as the server's OS user when this is root: it must enter the folder.
await chmod(scratchDir, 0o755);
const env = { ...platform.env, PITR_SCRATCH_DIR: scratchDir };
let fixture: PitrFixture | undefined;
let worker: JobWorker | undefined;
let load: ReturnType<typeof startClinicReadLoop> | undefined;
const rows: Row[] = [];
try {
  fixture = await startPitrFixture(platform, {
    name: "fault-pitr",
    port: 57760,
    subdomain: SUBDOMAIN,
    patients: Number(values.patients),
  });
  const { clinic, server } = fixture;
  const outsiderUrl = await createOutsider(server);
  console.log(
    `fault:pitr; ${machineLine()}; load average ${os.loadavg()[0]?.toFixed(1)}; central database on the ${central.kind}; the clinic on an embedded PostgreSQL 15 archiving to pgBackRest (${execFileSync("pgbackrest", ["version"], { encoding: "utf8" }).trim()})`,
  );
  worker = await startTakeBackWorker();
  load = startClinicReadLoop(clinicConnectionUrl(clinic, server));
  const loadStarted = Date.now();
  const baseline = await timeWholeRestore(fixture);
  const steps = Object.entries(baseline.steps)
    .map(([step, ms]) => `${step} ${seconds(ms)}`)
    .join(", ");
  console.log(
    `clinic: ${values.patients} patients; ${kills} kills; reaper every ${REAP_MS / 1000} s; an uninterrupted point-in-time restore took ${seconds(baseline.totalMs)} (${steps}; in a process of its own); longest gap between reads so far ${load.longestGap(loadStarted, Date.now())} ms\n`,
  );
  for (let i = 0; i < kills; i++) {
    const row = await killOneRestore({
      fixture,
      point: POINTS[i],
      baseline: baseline.steps,
      round: i,
      outsiderUrl,
    });
    rows.push(row);
    console.log(
      `  ${String(i + 1).padStart(2)} ${row.killedAt.padEnd(30)} noticed ${seconds(row.noticedMs).padStart(6)}  taken up ${seconds(row.takenUpMs).padStart(6)}  ended ${seconds(row.finishedMs).padStart(7)}  ${row.outcome.padEnd(28)} longest gap ${row.gapMs} ms  slowest retry step ${row.slowestStep}  ${row.problems.length ? `PROBLEMS: ${row.problems.join("; ")}` : "checks ok"}`,
    );
    await dropAsideDatabases({ central: platform.central, server });
  }
  printSummary(rows, load, loadStarted);
} finally {
  await Promise.all([...children].map((child) => child.killHard()));
  await load?.stop();
  await worker?.stop(5_000);
  await fixture?.stop();
  await platform.cleanup();
  await central.stop();
  await rm(scratchDir, { recursive: true, force: true });
}

/**
 * One round: a child restores the clinic to a moment of this round and is killed at `point`; with
 * none, at a random moment within a random step (as long as the step took in the uninterrupted run).
 */
async function killOneRestore(options: {
  fixture: PitrFixture;
  point: string | undefined;
  baseline: Record<PitrStep, number>;
  round: number;
  outsiderUrl: string;
}): Promise<Row> {
  const { fixture, point } = options;
  await takeIncrementalBackup(fixture);
  const { round, at } = await markMoment(fixture, options.round);
  const child = startRestoreChild(at, point);
  const jobId = (await child.waitForLine(/^job /)).slice(4);
  if (point) await child.waitForLine(new RegExp(`^paused ${point}$`), 600_000);
  else {
    const step = PITR_STEPS[Math.floor(Math.random() * PITR_STEPS.length)] ?? "check";
    await child.waitForLine(new RegExp(`^step ${step}$`), 600_000);
    await sleep(Math.random() * options.baseline[step]);
  }
  const reached = /^done$/m.test(child.output())
    ? "after the end"
    : `in ${[...child.output().matchAll(/^step (\S+)$/gm)].at(-1)?.[1] ?? "claim"}`;
  const killed = Date.now();
  await child.killHard();
  const ended = await followJob(jobId, killed);
  const check = await checkPitrClinic({
    platform: { central: platform.central, server: fixture.server },
    clinic: fixture.clinic,
    round,
    state: ended.state,
    scratchDir,
    outsiderUrl: options.outsiderUrl,
  });
  const where = !point
    ? `random (${reached})`
    : PITR_STEPS.includes(point as never)
      ? `start of ${point}`
      : `swap: ${point}`;
  return {
    killedAt: where,
    noticedMs: ended.noticedMs,
    takenUpMs: ended.takenUpMs,
    finishedMs: ended.finishedMs,
    outcome: `${ended.state.toLowerCase()}, ${check.data}`,
    slowestStep: ended.slowestStep,
    gapMs: load?.longestGap(killed, Number.isNaN(ended.finishedMs) ? killed : killed + ended.finishedMs) ?? 0,
    problems: ended.state === "FAILED" ? [...check.problems, `gave up: ${ended.lastError}`] : check.problems,
  };
}

/**
 * A pgBackRest incremental backup, as a daily schedule takes them, so each round replays only its
 * own WAL (from the first backup the replay would grow with every round); waits until it is past.
 */
async function takeIncrementalBackup({ server, config }: PitrFixture): Promise<void> {
  const password = server.adminPasswordEncrypted ? decryptSecret(server.adminPasswordEncrypted) : "";
  await runPgBackRest(config, ["backup", "--type=incr"], {
    env,
    extraEnv: { PGPASSWORD: password },
    timeoutMs: 0,
  });
  const window = await findRecoverableWindow(server, env);
  const newest = window.backups.at(-1)?.stop.getTime() ?? 0;
  // pgBackRest records whole seconds: the next one is surely past the backup's end.
  await sleep(Math.max(0, newest + 1_050 - Date.now()));
}

/**
 * Writes a patient, notes the moment, writes another: the clinic's data at that moment (the first
 * patient, not the second) and before the restore (both), by manifest.
 */
async function markMoment({ server, clinic }: PitrFixture, round: number) {
  const earlier = `Earlier ${round}`;
  const later = `Later ${round}`;
  await addMomentPatient(server, clinic, earlier);
  const atMoment = await manifestOf(server, clinic.databaseName);
  await sleep(50);
  const at = new Date();
  await sleep(50);
  await addMomentPatient(server, clinic, later);
  const before = await manifestOf(server, clinic.databaseName);
  return { at, round: { earlier, later, atMoment, before } satisfies PitrRound };
}

/** A login role on the clinic's server that is not the clinic's: PUBLIC's stand-in. */
async function createOutsider(server: DatabaseServer): Promise<string> {
  const name = `${platform.prefix}outsider`;
  const password = "outsider-password";
  await withAdminClient(server, "postgres", (admin) =>
    admin.query(`CREATE ROLE "${name}" LOGIN PASSWORD '${password}'`),
  );
  return `postgresql://${name}:${password}@${server.host}:${server.port}/postgres`;
}

/** The job worker that takes back what a killed child was running (as a platform's worker would). */
async function startTakeBackWorker(): Promise<JobWorker> {
  const { central: db, centralUrl } = platform;
  const runner = new JobRunner({
    central: db,
    centralUrl,
    handlers: platformJobHandlers({ central: db, env }),
  });
  const taker = new JobWorker(runner, { centralUrl, reapMs: REAP_MS, pollMs: 500, log: () => {} });
  await taker.start();
  return taker;
}

/** The child that restores the clinic to `at` (held at `point`), killed at the latest when this script ends. */
function startRestoreChild(at: Date, point?: string): ScriptProcess {
  const args = [platform.centralUrl, SUBDOMAIN, `at=${at.toISOString()}`, ...(point ? [point] : [])];
  const child = runScriptProcess(CHILD, args, env);
  children.add(child);
  return child;
}

/** A whole point-in-time restore by the child, not killed: from its first step to done, and each step's time. */
async function timeWholeRestore(fixture: PitrFixture) {
  const { at } = await markMoment(fixture, -1);
  const child = startRestoreChild(at);
  const began: number[] = [];
  for (const step of PITR_STEPS) {
    await child.waitForLine(new RegExp(`^step ${step}$`), 600_000);
    began.push(performance.now());
  }
  await child.waitForLine(/^done$/, 600_000);
  const ended = performance.now();
  await child.killHard();
  await dropAsideDatabases({ central: platform.central, server: fixture.server });
  const steps = Object.fromEntries(
    PITR_STEPS.map((step, i) => [step, (began[i + 1] ?? ended) - (began[i] ?? ended)]),
  ) as Record<PitrStep, number>;
  return { totalMs: ended - (began[0] ?? ended), steps };
}

/**
 * Until the job SUCCEEDED or FAILED: when its killed attempt was marked DIED, when the next
 * attempt began, and when the job ended (each after the kill).
 */
async function followJob(jobId: string, killedAt: number) {
  // Steps as seen, the first being the killed attempt's (its time is the detection's, not a step's).
  const seen: { name: string; at: number }[] = [];
  for (;;) {
    const job = await platform.central.job.findUniqueOrThrow({ where: { id: jobId } });
    if (seen.at(-1)?.name !== job.step) seen.push({ name: job.step ?? "", at: Date.now() });
    if (job.state === "SUCCEEDED" || job.state === "FAILED" || Date.now() > killedAt + 600_000) {
      const attempts = await platform.central.jobAttempt.findMany({
        where: { jobId },
        orderBy: { number: "asc" },
      });
      const died = attempts.find((attempt) => attempt.state === "DIED");
      const next = died && attempts.find((attempt) => attempt.number === died.number + 1);
      const after = (at: Date | null | undefined) => (at ? at.getTime() - killedAt : Number.NaN);
      const finishedMs = after(job.finishedAt ?? new Date());
      const spans = seen.slice(1).map((entry, i) => ({
        name: entry.name,
        ms: (seen[i + 2]?.at ?? Date.now()) - entry.at,
      }));
      const slowest = spans.sort((a, b) => b.ms - a.ms)[0];
      return {
        slowestStep: slowest ? `${slowest.name} ${seconds(slowest.ms)}` : "—",
        state: job.state,
        lastError: job.lastError,
        noticedMs: after(died?.endedAt),
        takenUpMs: after(next?.startedAt),
        // A random kill may come after the job ended: nothing to take back (shown as —).
        finishedMs: finishedMs < 0 ? Number.NaN : finishedMs,
      };
    }
    await sleep(100);
  }
}

function printSummary(list: Row[], reads: ReturnType<typeof startClinicReadLoop>, loadStarted: number): void {
  printKillSummary(list, [
    { label: "death noticed after the kill", values: list.map((row) => row.noticedMs), unit: seconds },
    {
      label: "taken up by the worker after the kill",
      values: list.map((row) => row.takenUpMs),
      unit: seconds,
    },
    { label: "restore ended after the kill", values: list.map((row) => row.finishedMs), unit: seconds },
    {
      label: "longest time the clinic could not be read",
      values: list.map((row) => row.gapMs),
      unit: (ms) => `${ms} ms`,
    },
  ]);
  const totals = reads.counts();
  console.log(
    `reads through the clinic's role: ${totals.ok} ok, ${totals.failed} failed; longest gap over the whole run ${reads.longestGap(loadStarted, Date.now())} ms`,
  );
  for (const [words, count] of Object.entries(totals.failures)) console.log(`  ${count} × ${words}`);
}
