// npm run fault:restore [-- --kills 20]: one clinic with a few thousand patients and a billing history
// is restored from its backup by processes that are killed (SIGKILL) at the start of each restore
// step in turn, then within the swap (connections refused; renames committed), then at random
// moments; a job worker in this process must take every restore back and finish it or give it up.
// After each kill: one database serves the clinic and its role reads it, with the data from before
// the restore or the backup's (manifests), no half-made database, kept_databases matching the
// databases set aside; a read loop through the clinic's role measures how long it could not read.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupService, RESTORE_STEPS } from "../lib/backups/backup-service";
import type { Manifest } from "../lib/backups/manifest";
import type { Clinic } from "../lib/generated/central/client";
import { JobRunner } from "../lib/jobs/runner";
import { JobWorker } from "../lib/jobs/worker";
import { withClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { platformJobHandlers } from "../lib/tenancy/job-worker";
import { clinicConnectionUrl } from "../lib/tenancy/servers";
import { runScriptProcess } from "../lib/testing/child-process";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { manifestOf } from "../lib/testing/restore-state";
import { machineLine, median, startBenchServer } from "./lib/bench-server";
import { generateBillingHistory } from "./lib/billing-data";
import { startClinicReadLoop } from "./lib/clinic-read-loop";
import { checkRestoredClinic, dropAsideDatabases } from "./lib/restore-checks";

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "20" },
    patients: { type: "string", default: "3000" },
    invoices: { type: "string", default: "20000" },
  },
});
const kills = Number(values.kills);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.DB_QUERY_TIMEOUT_MS ??= "300000";
const REAP_MS = 2_000;
const POINTS = [...RESTORE_STEPS, "suspended", "swapped"];

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "fr" });
const work = await mkdtemp(path.join(os.tmpdir(), "fault-restore-"));
const env = {
  ...platform.env,
  BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`,
  BACKUP_DIR: path.join(work, "backups"),
};
const runner = new JobRunner({
  central: platform.central,
  centralUrl: platform.centralUrl,
  handlers: platformJobHandlers({ central: platform.central, env }),
});
const worker = new JobWorker(runner, {
  centralUrl: platform.centralUrl,
  reapMs: REAP_MS,
  pollMs: 500,
  log: () => {},
});
console.log(`fault:restore on ${server.kind}; ${machineLine()}; load ${os.loadavg()[0]?.toFixed(1)}`);

type Row = {
  killedAt: string;
  detectedMs: number;
  finishedMs: number;
  outcome: string;
  slowestStep: string;
  gapMs: number;
  problems: string[];
};
const rows: Row[] = [];
let load: ReturnType<typeof startClinicReadLoop> | undefined;
try {
  const clinic = await new ClinicDatabaseService({ central: platform.central, env }).provisionClinic({
    name: "Restore Clinic",
    subdomain: "restore",
    ownerId: platform.owner.id,
  });
  const counts = await seedClinic(clinic);
  const backup = await new BackupService({ central: platform.central, env }).backupClinic("restore");
  const backupManifest = backup.manifest as Manifest;
  console.log(
    `clinic: ${counts}; backup ${(Number(backup.sizeBytes ?? 0) / 2 ** 20).toFixed(1)} MiB encrypted; ${kills} kills; reaper every ${REAP_MS / 1000} s`,
  );
  await worker.start();
  load = startClinicReadLoop(clinicConnectionUrl(clinic, platform.server));
  const loadStarted = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  console.log(
    `longest gap between reads in 10 s without a restore: ${load.longestGap(loadStarted, Date.now())} ms`,
  );
  const baseline = await timeWholeRestore(clinic, backup.id);
  console.log(
    `an uninterrupted restore took ${seconds(baseline)} (first step to done, in a process of its own); longest gap ${load.longestGap(loadStarted, Date.now())} ms\n`,
  );

  for (let i = 0; i < kills; i++) {
    const point = POINTS[i];
    await addRoundRows(clinic, i);
    const before = await manifestOf(platform.server, clinic.databaseName);
    const child = runScriptProcess(
      "lib/testing/restore-child.ts",
      [platform.centralUrl, clinic.subdomain, backup.id, ...(point ? [point] : [])],
      env,
    );
    const jobId = (await child.waitForLine(/^job /)).slice(4);
    if (point) await child.waitForLine(new RegExp(`^paused ${point}$`));
    else {
      await child.waitForLine(/^step check$/);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * baseline));
    }
    const reached = /^done$/m.test(child.output())
      ? "after the end"
      : ([...child.output().matchAll(/^step (\w+)$/gm)].at(-1)?.[1] ?? "claim");
    const killed = Date.now();
    await child.killHard();
    const ended = await followJob(jobId, killed);
    const check = await checkRestoredClinic({
      platform,
      clinic,
      candidates: { before, backup: backupManifest },
      state: ended.state,
      backupDir: env.BACKUP_DIR,
    });
    const row: Row = {
      killedAt: point
        ? RESTORE_STEPS.includes(point as never)
          ? `start of ${point}`
          : `swap: ${point}`
        : `random (${reached === "after the end" ? reached : `in ${reached}`})`,
      detectedMs: ended.detectedMs,
      finishedMs: ended.finishedMs,
      outcome: `${ended.state.toLowerCase()}, ${check.data}`,
      slowestStep: ended.slowestStep,
      gapMs: load.longestGap(killed, Number.isNaN(ended.finishedMs) ? killed : killed + ended.finishedMs),
      problems: check.problems,
    };
    rows.push(row);
    console.log(
      `  ${String(i + 1).padStart(2)} ${row.killedAt.padEnd(22)} noticed ${seconds(row.detectedMs).padStart(6)}  finished ${seconds(row.finishedMs).padStart(6)}  ${row.outcome.padEnd(20)} longest gap ${row.gapMs} ms  slowest retry step ${row.slowestStep}  ${row.problems.length ? `PROBLEMS: ${row.problems.join("; ")}` : "checks ok"}`,
    );
    await dropAsideDatabases(platform);
  }
  const totals = load.counts();
  const detected = rows.map((row) => row.detectedMs).filter((ms) => !Number.isNaN(ms));
  const summary = (label: string, values: number[], unit: (n: number) => string) =>
    `| ${label} | ${unit(median(values))} | ${unit(Math.max(...values))} |`;
  console.log("\n| measure | median | max |\n| --- | --- | --- |");
  console.log(summary("death noticed after the kill", detected, seconds));
  console.log(
    summary(
      "restore ended after the kill",
      rows.map((row) => row.finishedMs).filter((ms) => !Number.isNaN(ms)),
      seconds,
    ),
  );
  console.log(
    summary(
      "longest time the clinic could not be read",
      rows.map((row) => row.gapMs),
      (ms) => `${ms} ms`,
    ),
  );
  const outcomes = new Map<string, number>();
  for (const row of rows) outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
  console.log(`\noutcomes: ${[...outcomes].map(([outcome, count]) => `${outcome} ×${count}`).join(", ")}`);
  console.log(
    `kills whose checks failed: ${rows.filter((row) => row.problems.length).length} of ${rows.length}`,
  );
  console.log(
    `reads through the clinic's role: ${totals.ok} ok, ${totals.failed} failed; longest gap over the whole run ${load.longestGap(loadStarted, Date.now())} ms`,
  );
  for (const [words, count] of Object.entries(totals.failures)) console.log(`  ${count} × ${words}`);
} finally {
  await load?.stop();
  await worker.stop(5_000);
  await platform.cleanup();
  await server.stop();
  await rm(work, { recursive: true, force: true });
}

/** A few thousand patients and a billing history (bench/lib/billing-data.ts), so pg_restore takes a while. */
async function seedClinic(clinic: Clinic): Promise<string> {
  return withClinicClient(clinic, platform.server, async (db) => {
    const staff = await db.staffUser.create({
      data: { email: "billing@restore.test", name: "Bill Ing", role: "BILLING", passwordHash: "!" },
    });
    const main = await db.location.create({ data: { name: "Main restore", isMain: true } });
    const north = await db.location.create({ data: { name: "North restore" } });
    const patients = Number(values.patients);
    const invoices = Number(values.invoices);
    const volume = { patients, invoices, payments: Math.round(invoices * 1.5), days: 730 };
    const made = await generateBillingHistory({
      db,
      volume,
      staffId: staff.id,
      mainId: main.id,
      northId: north.id,
    });
    return `${patients} patients, ${made?.invoices} invoices, ${made?.payments} payments`;
  });
}

/** Rows only the live clinic has from now on, so its data and the backup's differ. */
function addRoundRows(clinic: Clinic, round: number) {
  return withAdminClient(platform.server, clinic.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Round', 'R' || $1 || '-' || n, date '1990-01-01' + n, now() FROM generate_series(1, 20) n`,
      [round],
    ),
  );
}

async function timeWholeRestore(clinic: Clinic, backupId: string): Promise<number> {
  await addRoundRows(clinic, -1);
  const child = runScriptProcess(
    "lib/testing/restore-child.ts",
    [platform.centralUrl, clinic.subdomain, backupId],
    env,
  );
  await child.waitForLine(/^step check$/);
  const started = Date.now();
  await child.waitForLine(/^done$/, 300_000);
  await child.killHard();
  await dropAsideDatabases(platform);
  return Date.now() - started;
}

/**
 * Until the job SUCCEEDED or FAILED: when its killed attempt was marked DIED, when it ended, and
 * the retry's slowest step (as the job row showed it, polled).
 */
async function followJob(jobId: string, killed: number) {
  const deadline = killed + 300_000;
  // Steps as seen, the first being the killed attempt's (its time is the detection's, not a step's).
  const seen: { name: string; at: number }[] = [];
  for (;;) {
    const job = await platform.central.job.findUniqueOrThrow({ where: { id: jobId } });
    if (seen.at(-1)?.name !== job.step) seen.push({ name: job.step ?? "", at: Date.now() });
    const died = await platform.central.jobAttempt.findFirst({ where: { jobId, state: "DIED" } });
    const detectedMs = died?.endedAt ? died.endedAt.getTime() - killed : Number.NaN;
    if (job.state === "SUCCEEDED" || job.state === "FAILED" || Date.now() > deadline) {
      // A random kill may come after the job ended: nothing to finish (shown as —).
      const finishedMs = (job.finishedAt?.getTime() ?? Date.now()) - killed;
      const spans = seen.slice(1).map((entry, i) => ({
        name: entry.name,
        ms: (seen[i + 2]?.at ?? Date.now()) - entry.at,
      }));
      const slowest = spans.sort((a, b) => b.ms - a.ms)[0];
      const slowestStep = slowest ? `${slowest.name} ${seconds(slowest.ms)}` : "—";
      return {
        state: job.state,
        detectedMs,
        finishedMs: finishedMs < 0 ? Number.NaN : finishedMs,
        slowestStep,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function seconds(ms: number): string {
  return Number.isNaN(ms) ? "—" : `${(ms / 1000).toFixed(1)} s`;
}
