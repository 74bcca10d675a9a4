// npm run bench:pgbouncer [-- --clinics 100 --budget 20 --clients 16 --duration 10 --warmup 3 --runs 3
// --idle-timeouts 10,2]: clinic requests round-robin over every clinic from one app process (a
// TenantRegistry with that budget, pool 1), connecting directly vs through PgBouncer
// (deploy/pgbouncer/pgbouncer.ini, once per server_idle_timeout), on a PostgreSQL of the bench's own
// (SCRAM, as in production; nothing else on it).
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded-server";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { TenantRegistry } from "../lib/tenancy/registry";
import {
  createPgBouncerAuthUser,
  PGBOUNCER_INSTALL,
  type PgBouncer,
  pgBouncerInstalled,
  startExamplePgBouncer,
} from "../lib/testing/pgbouncer";
import { createPlatformFixture, type PlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile } from "./lib/bench-server";
import { startConnectionSampler } from "./lib/connection-sampler";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "100" },
    budget: { type: "string", default: "20" },
    clients: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    runs: { type: "string", default: "3" },
    "idle-timeouts": { type: "string", default: "10,2" },
  },
});
for (const [flag, value] of Object.entries(values)) {
  if (!/^\d+(,\d+)*$/.test(value) || (flag !== "warmup" && /(^|,)0(,|$)/.test(value)))
    throw new Error(`--${flag} takes a positive whole number.`);
}
if (!pgBouncerInstalled()) throw new Error(`PgBouncer is missing: ${PGBOUNCER_INSTALL}.`);
const count = Number(values.clinics);
const budget = Number(values.budget);
const clientCount = Number(values.clients);
const idleTimeouts = values["idle-timeouts"].split(",");
// Room for PgBouncer's idle server connections, which the bench counts rather than lets fail.
const MAX_CONNECTIONS = 400;
process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");

type Scenario = { label: string; bouncer?: PgBouncer };
type Measured = {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** pg_stat_database.sessions of the clinic databases per second: backends started. */
  backendsPerSecond: number;
  /** Peak backends of the clinic roles and PgBouncer's auth_user, and of every client on the server. */
  peakClinicBackends: number;
  peakServerBackends: number;
  /** Of the clinic backends at the window's end, those of PgBouncer's auth_user (auth_query). */
  authBackendsAtEnd: number;
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-bouncer-pg-"));
await chmod(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: await findFreePort(59532),
  ephemeral: true,
  settings: { max_connections: String(MAX_CONNECTIONS) },
});
let platform: PlatformFixture | undefined;
const bouncers: PgBouncer[] = [];
let sampler: Awaited<ReturnType<typeof startConnectionSampler>> | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () => {
  cleaning ??= (async () => {
    const steps = [
      () => sampler?.stop(),
      ...bouncers.map((bouncer) => () => bouncer.stop()),
      () => platform?.cleanup(),
      () => server.stop(),
      () => rm(dataDir, { recursive: true, force: true }),
    ];
    for (const step of steps) {
      await step()?.catch((error: unknown) => console.error(`while cleaning up: ${String(error)}`));
    }
  })();
  return cleaning;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
}
console.log(`PgBouncer vs direct: ${count} clinics, budget ${budget}, pool 1, ${clientCount} clients`);
console.log(`  ${machineLine()}; load average ${loadAverage()}`);
try {
  platform = await createPlatformFixture(server.adminUrl, { label: "bouncer" });
  process.env.TENANT_NAME_PREFIX = platform.prefix;
  await provisionClinics(platform);
  const authUser = await createPgBouncerAuthUser(server.adminUrl, platform.prefix);
  const address = new URL(server.adminUrl);
  const scenarios: Scenario[] = [{ label: "direct" }];
  for (const idleTimeout of idleTimeouts) {
    const bouncer = await startExamplePgBouncer({
      server: { host: address.hostname, port: Number(address.port) },
      authUser,
      settings: { server_idle_timeout: idleTimeout },
    });
    bouncers.push(bouncer);
    scenarios.push({ label: `PgBouncer, server_idle_timeout ${idleTimeout} s`, bouncer });
  }
  sampler = await startConnectionSampler({
    adminUrls: [server.adminUrl],
    prefix: platform.prefix,
    centralDatabase: `${platform.prefix}central`,
  });
  const measured: Measured[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    // Each run starts with another scenario, so none always comes first.
    const order = scenarios.map((_, i) => scenarios[(i + run) % scenarios.length] as Scenario);
    for (const scenario of order) {
      const result = await measure(platform, scenario);
      measured.push(result);
      console.log(`  run ${run + 1}, load ${loadAverage()}: ${formatRow(result).join(" | ")}`);
    }
  }
  report(measured, scenarios);
} finally {
  await cleanup();
}

async function adminQuery<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function provisionClinics(fixture: PlatformFixture) {
  const service = new ClinicDatabaseService({ central: fixture.central, env: fixture.env });
  await fixture.central.databaseServer.update({
    where: { id: fixture.server.id },
    data: { capacity: count },
  });
  const started = performance.now();
  const subdomains = Array.from({ length: count }, (_, i) => `bench-${i}`);
  // The first builds the template; then four at a time.
  for (let from = 0; from < count; from += from === 0 ? 1 : 4) {
    const batch = subdomains.slice(from, from === 0 ? 1 : from + 4);
    await Promise.all(
      batch.map((subdomain) =>
        service.provisionClinic({ name: subdomain, subdomain, ownerId: fixture.owner.id }),
      ),
    );
    process.stdout.write(`\r  provisioning ${Math.min(count, from + batch.length)}/${count}`);
  }
  console.log(`\r  provisioned ${count} clinics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * One scenario from a clean start (every PgBouncer's server connections closed, none of the
 * clinics' on the server), then a warm-up until every clinic answered once and at least
 * --warmup seconds passed, then the measured window.
 */
async function measure(fixture: PlatformFixture, scenario: Scenario): Promise<Measured> {
  const state = sampler;
  if (!state) throw new Error("the connection sampler is not running");
  for (const bouncer of bouncers) await bouncer.admin("RECONNECT");
  await waitForNoClinicBackends(fixture.prefix);
  await fixture.central.databaseServer.update({
    where: { id: fixture.server.id },
    data: { poolerHost: scenario.bouncer ? "127.0.0.1" : null, poolerPort: scenario.bouncer?.port ?? null },
  });
  const registry = new TenantRegistry({ central: fixture.central, budget, poolMax: 1, log: () => {} });
  const latencies: number[] = [];
  const answered = new Set<number>();
  let errors = 0;
  let measuring = false;
  let stopping = false;
  // Round-robin across all clients: each request asks for the next clinic.
  let next = 0;
  const clients = Array.from({ length: clientCount }, async () => {
    while (!stopping) {
      const clinic = next++ % count;
      const started = performance.now();
      try {
        await registry.withTenantDb(`bench-${clinic}`, (db) => db.location.findMany({ take: 10 }));
        answered.add(clinic);
        if (measuring) latencies.push(performance.now() - started);
      } catch {
        if (measuring) errors++;
      }
    }
  });
  const warmUntil = performance.now() + Number(values.warmup) * 1000;
  while (performance.now() < warmUntil || answered.size < count) await sleep(100);
  // Backends report their sessions to pg_stat_database within about a second of starting.
  const sessionsBefore = await state.tenantSessionsOpened();
  state.takePeaks();
  measuring = true;
  const from = performance.now();
  await sleep(Number(values.duration) * 1000);
  measuring = false;
  const seconds = (performance.now() - from) / 1000;
  const peaks = state.takePeaks();
  const [auth] = await adminQuery<{ count: number }>(
    "SELECT count(*)::int AS count FROM pg_stat_activity WHERE usename = $1",
    [authUserName(fixture.prefix)],
  );
  const sessionsAfter = await state.tenantSessionsOpened();
  stopping = true;
  await Promise.all(clients);
  await registry.close();
  return {
    scenario: scenario.label,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
    errors,
    backendsPerSecond: (sessionsAfter - sessionsBefore) / seconds,
    peakClinicBackends: peaks.tenant,
    peakServerBackends: peaks.server,
    authBackendsAtEnd: auth?.count ?? 0,
  };
}

async function waitForNoClinicBackends(prefix: string): Promise<void> {
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    const [row] = await adminQuery<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_stat_activity WHERE starts_with(usename::text, $1)",
      [prefix],
    );
    if (row?.count === 0) return;
    await sleep(200);
  }
  throw new Error("clinic backends were still open 30 s after PgBouncer's RECONNECT");
}

/** PgBouncer's auth_user, as deploy/pgbouncer/pgbouncer.ini has it, with the platform's prefix. */
function authUserName(prefix: string): string {
  return `${prefix}pgbouncer_auth`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function formatRow(row: Measured): string[] {
  return [
    row.scenario,
    row.requestsPerSecond.toFixed(0),
    row.p50Ms.toFixed(0),
    row.p99Ms.toFixed(0),
    String(row.errors),
    row.backendsPerSecond.toFixed(1),
    // How long until a clinic is asked again: PgBouncer keeps its server connection only this long.
    (count / row.requestsPerSecond).toFixed(1),
    String(row.peakClinicBackends),
    String(row.peakServerBackends),
    String(row.authBackendsAtEnd),
  ];
}

/** Per scenario, the median of each figure over the runs. */
function report(rows: Measured[], scenarios: Scenario[]) {
  console.log(`\nmedians of ${values.runs} runs (clinic backends include PgBouncer's auth_user):`);
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "backends started/s", "revisit s"];
  console.log(
    `  ${[...header, "peak clinic backends", "peak server backends", "auth_user backends at the end"].join(" | ")}`,
  );
  for (const { label } of scenarios) {
    const mine = rows.filter((row) => row.scenario === label);
    const mid = (pick: (row: Measured) => number) => median(mine.map(pick));
    const row = formatRow({
      scenario: label,
      requestsPerSecond: mid((r) => r.requestsPerSecond),
      p50Ms: mid((r) => r.p50Ms),
      p99Ms: mid((r) => r.p99Ms),
      errors: mid((r) => r.errors),
      backendsPerSecond: mid((r) => r.backendsPerSecond),
      peakClinicBackends: mid((r) => r.peakClinicBackends),
      peakServerBackends: mid((r) => r.peakServerBackends),
      authBackendsAtEnd: mid((r) => r.authBackendsAtEnd),
    });
    console.log(`  ${row.join(" | ")}`);
  }
}
