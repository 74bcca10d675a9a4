// npm run bench:backup [-- --patients 50000 --appointments 100000 --invoices 20000 --swaps 20 --clinics 200
// --load-clients 4 --baseline 20 --nice-off-too --parts a,b,c]: (a) backup and restore of one large clinic through the
// backup service's jobs; (b) the restore's database swap under a steady load, without and with PgBouncer;
// (c) backups of many small clinics one at a time while a request load runs, against its p95 before.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BackupService } from "../lib/backups/backup-service";
import { findPatients } from "../lib/clinic/patients";
import { projectRoot } from "../lib/db/project-root";
import { openClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { poolerPauseFor } from "../lib/tenancy/pooler-console";
import { encryptSecret } from "../lib/tenancy/secrets";
import { clinicConnectionUrl } from "../lib/tenancy/servers";
import type { TenantDb } from "../lib/tenancy/tenant-db";
import {
  createPgBouncerAuthUser,
  PGBOUNCER_INSTALL,
  pgBouncerInstalled,
  startExamplePgBouncer,
} from "../lib/testing/pgbouncer";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";
import { generatePracticeHistory } from "./lib/practice-data";
import { requestsBetween, startRequestLoad } from "./lib/request-load";
import { measureSwaps, type SwapRun, type SwapSample } from "./lib/swap-run";

const { values } = parseArgs({
  options: {
    patients: { type: "string", default: "50000" },
    appointments: { type: "string", default: "100000" },
    invoices: { type: "string", default: "20000" },
    swaps: { type: "string", default: "20" },
    clinics: { type: "string", default: "200" },
    "load-clients": { type: "string", default: "4" },
    baseline: { type: "string", default: "20" },
    "nice-off-too": { type: "boolean", default: false },
    parts: { type: "string", default: "a,b,c" },
  },
});
const parts = new Set(values.parts.split(","));
if ([...parts].some((part) => !["a", "b", "c"].includes(part)) || !parts.has("a"))
  throw new Error("--parts takes a list of a, b and c, with a (its clinic is the others'), e.g. a,b.");
const volume = {
  patients: Number(values.patients),
  appointments: Number(values.appointments),
  invoices: Number(values.invoices),
};
const swaps = Number(values.swaps);
const clinicCount = Number(values.clinics);
const loadClients = Number(values["load-clients"]);
const baselineSeconds = Number(values.baseline);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

const workerPath = fileURLToPath(new URL("./lib/backup-worker.ts", import.meta.url));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: bigint | number | null) => `${(Number(bytes ?? 0) / 2 ** 20).toFixed(1)} MB`;
// A front-desk search by full name, the request the load clients make.
const search = (db: TenantDb) => findPatients({ db, query: "Pat7 Bench7", page: 1 });

const server = await startBenchServer();
console.log(`backups on ${server.kind}; ${machineLine()}; load average ${os.loadavg()[0]?.toFixed(1)}`);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
const dir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-backup-"));
const env: NodeJS.ProcessEnv = {
  ...platform.env,
  BACKUP_KEY: `bench:${randomBytes(32).toString("base64")}`,
  BACKUP_DIR: path.join(dir, "backups"),
};
const clinics = new ClinicDatabaseService({ central: platform.central, env });
try {
  const spare = await largeClinic();
  if (parts.has("b")) await swapsUnderLoad(spare);
  if (parts.has("c")) await manySmallClinics();
} finally {
  await platform.cleanup();
  await rm(dir, { recursive: true, force: true });
  await server.stop();
}

/** (a) Fills one clinic, backs it up and restores it through the jobs; returns the database set aside. */
async function largeClinic(): Promise<string> {
  const clinic = await clinics.provisionClinic({
    name: "Bench",
    subdomain: "bench",
    ownerId: platform.owner.id,
  });
  let started = performance.now();
  const filler = await openClinicClient({ central: platform.central, subdomain: "bench" });
  const counts = await generatePracticeHistory(filler.db, volume).finally(() => filler.close());
  const size = await withAdminClient(platform.server, clinic.databaseName, async (admin) => {
    await admin.query("VACUUM ANALYZE");
    const { rows } = await admin.query<{ size: string }>(
      "SELECT pg_database_size(current_database()) AS size",
    );
    return Number(rows[0]?.size);
  });
  const rows = Object.entries(counts).map(([table, count]) => `${count} ${table}`);
  console.log(
    `(a) one clinic: ${rows.join(", ")}; database ${mb(size)}; filled in ${seconds(performance.now() - started)}`,
  );
  const service = new BackupService({ central: platform.central, env });
  const steps = stepTimer();
  started = performance.now();
  const backup = await service.backupClinic("bench", { onStep: steps.onStep });
  const backupMs = performance.now() - started;
  console.log(`  backup: ${seconds(backupMs)}, file ${mb(backup.sizeBytes)}; steps ${steps.report()}`);
  const restoreSteps = stepTimer();
  started = performance.now();
  const restored = await service.restoreClinic("bench", { backupId: backup.id, onStep: restoreSteps.onStep });
  const restoreMs = performance.now() - started;
  console.log(`  restore + verify: ${seconds(restoreMs)}; swap suspended ${ms(restored.suspendedMs)}`);
  console.log(`    steps ${restoreSteps.report()}`);
  return restored.asideDatabase;
}

/**
 * (b) Swaps under load: direct, then through PgBouncer as deploy/pgbouncer configures it, paused
 * there by the swap (the server names its console user, as a restore does) and not (no console
 * user: the swap ends PgBouncer's server connections, which log in again after server_login_retry).
 */
async function swapsUnderLoad(spare: string) {
  const clinic = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "bench" } });
  const target = {
    subdomain: clinic.subdomain,
    databaseName: clinic.databaseName,
    roleName: clinic.roleName,
  };
  console.log(
    `(b) ${swaps} swaps per setting, ${loadClients} load clients (a registry each, as app processes)`,
  );
  await withAdminClient(platform.server, "postgres", async (admin) => {
    const run = { admin, central: platform.central, clinic: target, spare, swaps, loadClients, work: search };
    run.spare = report("direct", await measureSwaps(run));
    if (!pgBouncerInstalled()) {
      console.log(`  PgBouncer: skipped, /usr/sbin/pgbouncer is missing: ${PGBOUNCER_INSTALL}`);
      return;
    }
    const pgbouncer = await startExamplePgBouncer({
      server: { host: platform.server.host, port: platform.server.port },
      authUser: await createPgBouncerAuthUser(server.adminUrl, platform.prefix),
      settings: { default_pool_size: String(loadClients) },
    });
    try {
      const connectionUrl = (record: Parameters<typeof clinicConnectionUrl>[0]) => {
        const url = new URL(clinicConnectionUrl(record, platform.server));
        url.hostname = "127.0.0.1";
        url.port = String(pgbouncer.port);
        return url.toString();
      };
      const through = { ...run, connectionUrl };
      const withConsole = {
        name: platform.server.name,
        poolerHost: "127.0.0.1",
        poolerPort: pgbouncer.port,
        poolerAdminUser: pgbouncer.console.user,
        poolerAdminPasswordEncrypted: encryptSecret(pgbouncer.console.password),
      };
      through.spare = report(
        "PgBouncer, paused by the swap (console user)",
        await measureSwaps({ ...through, pooler: poolerPauseFor(withConsole, clinic.databaseName) }),
      );
      report("PgBouncer, no console user (server_login_retry 1 s)", await measureSwaps(through));
    } finally {
      await pgbouncer.stop();
    }
  });
}

function report(label: string, run: SwapRun): string {
  const of = (pick: (sample: SwapSample) => number, unit = ms) => {
    const list = run.samples.map(pick);
    return `median ${unit(median(list))}, worst ${unit(Math.max(...list))}`;
  };
  const errors = new Map<string, number>();
  for (const sample of run.samples)
    for (const [kind, count] of sample.errorKinds) errors.set(kind, (errors.get(kind) ?? 0) + count);
  const failing = run.samples.filter((sample) => sample.errors > 0).length;
  console.log(`  ${label} (${run.samples.length} swaps, ${run.requests} requests):`);
  console.log(
    `    suspended (swapDatabases) ${of((s) => s.suspendedMs)}; whole window ${of((s) => s.windowMs)}`,
  );
  console.log(`    longest gap of a load client ${of((s) => s.gapMs)} (quiet: ${ms(run.quietGapMs)})`);
  console.log(`    failed requests per swap ${of((s) => s.errors, String)}; swaps with failures ${failing}`);
  for (const [kind, count] of errors) console.log(`      ${count} × ${kind}`);
  return run.spare;
}

/** (c) Many small clinics backed up one at a time (as the schedule does) beside a request load. */
async function manySmallClinics() {
  // A server takes 200 clinics by default; this bench makes one more than --clinics.
  await platform.central.databaseServer.update({
    where: { id: platform.server.id },
    data: { capacity: Math.max(platform.server.capacity, clinicCount + 1) },
  });
  let started = performance.now();
  const subdomains = Array.from({ length: clinicCount }, (_, i) => `small-${i}`);
  for (const [i, subdomain] of subdomains.entries()) {
    const clinic = await clinics.provisionClinic({
      name: `Small ${i}`,
      subdomain,
      ownerId: platform.owner.id,
    });
    await withAdminClient(platform.server, clinic.databaseName, (admin) =>
      admin.query(`INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
        SELECT gen_random_uuid(), 'Pat' || g, 'Bench' || (g % 97), date '1950-01-01' + g, now()
          FROM generate_series(1, 500) g`),
    );
    if ((i + 1) % 50 === 0) console.log(`  provisioned ${i + 1} of ${clinicCount}`);
  }
  console.log(
    `(c) ${clinicCount} small clinics (500 patients each) provisioned in ${seconds(performance.now() - started)}`,
  );
  const passes = values["nice-off-too"] ? ["on", "off"] : ["on"];
  for (const nice of passes) {
    const load = startRequestLoad({
      central: platform.central,
      subdomains: ["bench", ...subdomains.slice(0, 3)],
      clients: loadClients,
      thinkMs: 20,
      work: search,
    });
    try {
      await loadFor(load, 2); // warm-up: connections opened, plans cached
      const before = await loadFor(load, baselineSeconds);
      started = performance.now();
      const times = await backUpInWorker(subdomains, { ...env, BACKUP_NICE: nice });
      const totalMs = performance.now() - started;
      const during = requestsBetween(load.requests(), started, started + totalMs);
      const after = await loadFor(load, baselineSeconds);
      const p95 = (list: number[]) => percentile(list, 95);
      console.log(
        `  BACKUP_NICE=${nice}: ${clinicCount} backups in ${seconds(totalMs)}; per backup median ${ms(median(times))}, p95 ${ms(p95(times))}`,
      );
      for (const [label, window] of [
        ["before", before],
        ["during", during],
        ["after", after],
      ] as const) {
        const errors = [...window.errors.values()].reduce((sum, count) => sum + count, 0);
        console.log(
          `    requests ${label.padEnd(6)} ${String(window.latencies.length).padStart(6)}: p50 ${ms(median(window.latencies))}, p95 ${ms(p95(window.latencies))}, errors ${errors}`,
        );
      }
      console.log(
        `    p95 during / before: ${(p95(during.latencies) / p95(before.latencies)).toFixed(2)}× (target ≤ 1.5×)`,
      );
    } finally {
      await load.stop();
    }
  }
}

/** Backs the clinics up one at a time in a process of its own (bench/lib/backup-worker.ts); their times. */
function backUpInWorker(subdomains: string[], workerEnv: NodeJS.ProcessEnv): Promise<number[]> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", workerPath, JSON.stringify({ centralUrl: platform.centralUrl, subdomains })],
    { cwd: projectRoot, env: workerEnv, stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (piece: Buffer) => {
    stdout += piece.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const lines = stdout
        .trim()
        .split("\n")
        .filter((line) => line.startsWith("{"));
      if (code !== 0 || lines.length !== subdomains.length) {
        reject(new Error(`the backup worker failed (exit ${code}); see its output above`));
        return;
      }
      resolve(lines.map((line) => (JSON.parse(line) as { ms: number }).ms));
    });
  });
}

/** The load's requests over the next `span` seconds. */
async function loadFor(load: ReturnType<typeof startRequestLoad>, span: number) {
  const from = performance.now();
  await new Promise((resolve) => setTimeout(resolve, span * 1000));
  return requestsBetween(load.requests(), from, performance.now());
}

/** Times the steps a job reports (each until the next, the last until report()). */
function stepTimer() {
  const marks: [string, number][] = [];
  return {
    onStep: (step: string) => marks.push([step, performance.now()]),
    report: () =>
      marks.map(([step, at], i) => `${step} ${ms((marks[i + 1]?.[1] ?? performance.now()) - at)}`).join(", "),
  };
}
