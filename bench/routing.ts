// npm run bench:routing [-- --clinics 300 --duration 15 --connections 20 --warmup 5 --distribution uniform]:
// the tenant home page under HTTP load from a separate process, all requests for one clinic vs spread
// over every clinic: round-robin ("uniform") or seeded Zipf ("zipf": a few busy, a long tail; s = 1.1,
// or --zipf-exponent S); `--distribution zipf,uniform` runs both on the same clinics. Each 2xx answer must hold the requested
// clinic's name. TENANT_CONNECTION_BUDGET and TENANT_POOL_MAX, when set, are passed on to the server.
// --processes N[,M…]: the app as `npm start -- --workers N` runs it, behind nginx (deploy/nginx's site),
//   once per count; without it, one `next start`. --kill (N ≥ 2): one more run that SIGKILLs a process.
// --servers 2: half the clinics on a second PostgreSQL (embedded, the bench's own).
// --pgbouncer [--server-idle-timeout S]: requests through PgBouncer in front of every server.
// It installs nothing: nginx, pgbouncer and pgbench are checked for first, with how to install them.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/db/embedded-server";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { readTenantConnectionSettings, resolveRegistrySettings } from "../lib/tenancy/registry-settings";
import { createPlatformFixture, type PlatformFixture } from "../lib/testing/platform-fixture";
import { waitForHealth } from "../scripts/lib/next-server";
import { type AppTarget, readAppMetrics, registryRates } from "./lib/app-metrics";
import { measureBackendStarts } from "./lib/backend-starts";
import { type BenchNext, buildBenchApp, getPage, startBenchNext } from "./lib/bench-next";
import { type BenchProcesses, startBenchProcesses, summarizeKill } from "./lib/bench-processes";
import { machineLine, startBenchServer } from "./lib/bench-server";
import { busyShare, DEFAULT_ZIPF_EXPONENT, type Distribution } from "./lib/host-order";
import { runLoad } from "./lib/load-run";
import { type ProcessUsage, readMachineCpu, readProcessUsage } from "./lib/process-usage";
import { type RoutingScenario, reportRouting, summarizeScenario } from "./lib/routing-report";
import {
  prepareRoutingServers,
  putPgBouncerInFront,
  type RoutingServer,
  startServersSampler,
  stopPgBouncers,
} from "./lib/routing-servers";
import { missingRoutingTools } from "./lib/routing-tools";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "300" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
    processes: { type: "string" },
    distribution: { type: "string", default: "uniform" },
    "zipf-exponent": { type: "string", default: String(DEFAULT_ZIPF_EXPONENT) },
    servers: { type: "string", default: "1" },
    pgbouncer: { type: "boolean", default: false },
    "server-idle-timeout": { type: "string", default: "10" },
    kill: { type: "boolean", default: false },
  },
});
const distributions = values.distribution.split(",").map((name): Distribution => {
  if (name !== "uniform" && name !== "zipf")
    throw new Error("--distribution takes uniform, zipf, or both: zipf,uniform.");
  return name;
});
const processCounts = values.processes?.split(",").map(Number);
if (processCounts?.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
  throw new Error("--processes takes whole numbers from 1 to 16, e.g. 2 or 1,2.");
for (const flag of [
  "clinics",
  "duration",
  "connections",
  "warmup",
  "concurrency",
  "servers",
  "server-idle-timeout",
] as const) {
  const value = values[flag];
  if (!/^\d+$/.test(value) || (flag !== "warmup" && Number(value) === 0))
    throw new Error(`--${flag} takes a positive whole number.`);
}
const zipfExponent = Number(values["zipf-exponent"]);
if (!(zipfExponent >= 0.5 && zipfExponent <= 3))
  throw new Error("--zipf-exponent takes a number from 0.5 to 3, e.g. 1.1 (a long tail) or 1.5.");
const serverCount = Number(values.servers);
if (serverCount > 2) throw new Error("--servers takes 1 or 2.");
const missing = missingRoutingTools({
  nginx: processCounts !== undefined,
  pgbouncer: values.pgbouncer,
  pgbench: distributions.includes("uniform"),
});
if (missing.length > 0) {
  console.error(`bench:routing needs what this machine lacks; it installs nothing:\n${missing.join("\n")}`);
  process.exit(1);
}
const count = Number(values.clinics);
const load = {
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  warmupSeconds: Number(values.warmup),
};
const { budget: processBudget, poolMax } = readTenantConnectionSettings(process.env);
const { clientCache } = resolveRegistrySettings({ env: process.env });
// This process provisions the clinics, so it needs the same key and prefix as the server.
process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");
// The clinic home page reads the session, whose key a server with DATABASE_URL must be given.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
// The registry's hit counters come from each process's GET /api/metrics.
const metricsToken = randomBytes(32).toString("hex");

const server = await startBenchServer();
let platform: PlatformFixture | undefined;
let servers: RoutingServer[] = [];
let sampler: Awaited<ReturnType<typeof startServersSampler>> | undefined;
let next: BenchNext | undefined;
let app: BenchProcesses | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () => {
  cleaning ??= (async () => {
    const steps = [
      () => next?.stop(),
      () => app?.stop(),
      () => sampler?.stop(),
      () => stopPgBouncers(servers),
      () => platform?.cleanup(),
      ...servers.map((extra) => () => extra.stop()),
      () => server.stop(),
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

console.log(`routing under load: ${count} clinics on ${server.kind}; ${machineLine()}`);
console.log(`  tenant connection budget ${processBudget} per process, pool ${poolMax} per clinic client`);
if (distributions.includes("zipf")) {
  const top = Math.floor(processBudget / poolMax);
  const share = busyShare({ count, distribution: "zipf", top, exponent: zipfExponent });
  console.log(
    `  zipf, s = ${zipfExponent}: the ${top} busiest clinics get ${(share * 100).toFixed(0)} % of requests`,
  );
}
try {
  platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
  process.env.TENANT_NAME_PREFIX = platform.prefix;
  servers = await prepareRoutingServers({
    platform,
    adminUrl: server.adminUrl,
    servers: serverCount,
    clinics: count,
  });
  const serverEnv = { ...platform.env, DATABASE_URL: platform.centralUrl, METRICS_TOKEN: metricsToken };
  // Built before the clinics are made, so a build that fails costs no provisioning.
  await buildBenchApp(serverEnv);
  await provisionClinics(platform, Number(values.concurrency));
  if (values.pgbouncer) {
    for (const each of servers)
      await putPgBouncerInFront(platform, each, Number(values["server-idle-timeout"]));
    console.log(
      `  PgBouncer in front of ${servers.length} server(s), server_idle_timeout ${values["server-idle-timeout"]} s`,
    );
  }
  // Its idle pool would count among the central connections measured below.
  await platform.central.$disconnect();
  sampler = await startServersSampler(platform, servers);

  // What the server can do when every request needs a new backend: the uniform load's ceiling.
  // Measured first (on the central database, which is always on the first server), so a failure costs no load run.
  const backendStarts = distributions.includes("uniform")
    ? await measureBackendStarts({
        url: platform.centralUrl,
        clients: load.connections,
        seconds: Math.min(10, load.durationSeconds),
      })
    : undefined;
  if (backendStarts !== undefined) console.log(`  pgbench -C: ${backendStarts.toFixed(1)} new connections/s`);
  const scenarios: RoutingScenario[] = [];
  for (const processes of processCounts ?? [undefined]) {
    scenarios.push(...(await measureProcesses(serverEnv, processes)));
  }
  reportRouting({
    scenarios,
    budget: processBudget,
    servers: servers.map(({ name }) => name),
    pooled: values.pgbouncer,
    clientCache,
    backendStarts,
  });
} finally {
  await cleanup();
}

/** Starts the app (`processes` behind nginx, or one next start), runs every scenario on it, stops it. */
async function measureProcesses(
  serverEnv: NodeJS.ProcessEnv,
  processes: number | undefined,
): Promise<RoutingScenario[]> {
  let port: number;
  let rootHost: string;
  if (processes) {
    app = await startBenchProcesses({ processes, env: serverEnv });
    ({ port, rootHost } = app);
    console.log(`  ${processes} app process(es) behind nginx, each with the budget`);
  } else {
    port = await findFreePort(3200);
    rootHost = `localhost:${port}`;
    next = await startBenchNext({ port, rootHost, env: { ...serverEnv, ROOT_DOMAIN: rootHost } });
  }
  const running = app;
  const clinicHost = (i: number) => `bench-${i}.${rootHost}`;
  // The supervisor's processes, or next start; each with whatever it spawned.
  const appPids = () =>
    running
      ? running.supervisor.processes().flatMap(({ pid }) => (pid ? [pid] : []))
      : next?.pid
        ? [next.pid]
        : [];
  const usage = () => appPids().map(readProcessUsage);
  const targets = (): AppTarget[] =>
    running
      ? running.supervisor.processes().map(({ port: appPort }) => ({ port: appPort, host: rootHost }))
      : [{ port, host: rootHost }];
  for (const i of new Set([0, count - 1])) {
    const page = await getPage({ port, host: clinicHost(i) });
    if (page.status !== 200 || !page.body.includes(`Bench Clinic ${i}<`)) {
      throw new Error(`${clinicHost(i)} answered ${page.status} without its clinic's name.`);
    }
  }
  const url = `http://127.0.0.1:${port}/`;
  const everyClinic = Array.from({ length: count }, (_, i) => clinicHost(i));
  const label = (text: string) => (processes ? `${processes} proc: ${text}` : text);
  const spreadLabel = (distribution: Distribution) =>
    `${distribution === "zipf" ? `zipf s=${zipfExponent}` : "round-robin"} over ${count}`;
  const runs: Array<{ label: string; clinics: number; distribution: Distribution; kill?: boolean }> = [
    { label: label("one clinic"), clinics: 1, distribution: "uniform" },
    ...distributions.map((distribution) => ({
      label: label(spreadLabel(distribution)),
      clinics: count,
      distribution,
    })),
  ];
  const firstSpread = distributions[0] ?? "uniform";
  if (values.kill && (processes ?? 0) >= 2) {
    runs.push({
      label: label(`${spreadLabel(firstSpread)}, one process killed`),
      clinics: count,
      distribution: firstSpread,
      kill: true,
    });
  }
  const measured: RoutingScenario[] = [];
  for (const { label: title, clinics, distribution, kill } of runs) {
    // The one-clinic baseline needs no long run; the spread ones may run long to count many requests.
    const timing = clinics === 1 ? { ...load, durationSeconds: Math.min(load.durationSeconds, 30) } : load;
    const seconds = timing.warmupSeconds + timing.durationSeconds;
    console.log(`  ${title}: ${timing.warmupSeconds} s warm-up, ${timing.durationSeconds} s measured…`);
    const sampling = sampler;
    if (!sampling) throw new Error("the connection sampler is not running");
    const before = await sampling.tenantSessionsOpened();
    sampling.takePeaks();
    const startedAt = Date.now();
    const usageBefore = usage();
    const machineBefore = readMachineCpu();
    const metricsBefore = await readAppMetrics(targets(), metricsToken);
    const killing =
      kill && running
        ? killOneLater(running, (timing.warmupSeconds + timing.durationSeconds / 3) * 1000)
        : undefined;
    const result = await runLoad({
      url,
      hosts: everyClinic.slice(0, clinics),
      distribution,
      zipfExponent,
      bodyIncludes: Array.from({ length: clinics }, (_, i) => `Bench Clinic ${i}<`),
      ...timing,
    });
    const peaks = sampling.takePeaks();
    const usageAfter = usage();
    const machineAfter = readMachineCpu();
    const metricsAfter = await readAppMetrics(targets(), metricsToken);
    // Backends report their session to pg_stat_database within about a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await sampling.tenantSessionsOpened();
    const killed = await killing;
    const killLog = killed && (await running?.nginx.accessLog());
    measured.push({
      label: title,
      seconds,
      processes: processes ?? 1,
      distribution: clinics === 1 ? undefined : distribution,
      result,
      peaks,
      sessionsOpened: after - before,
      cpuSeconds: cpuSpent(usageBefore, usageAfter),
      machine: {
        busySeconds: machineAfter.busySeconds - machineBefore.busySeconds,
        totalSeconds: machineAfter.totalSeconds - machineBefore.totalSeconds,
      },
      rssBytes: usageAfter.map(({ rssBytes }) => rssBytes),
      rates: registryRates(metricsBefore, metricsAfter),
      killed: killed && summarizeKill(killLog ?? "", { ...killed, sinceMs: startedAt }),
    });
    // Each run's figures as soon as it ends: a long run that fails later keeps what it measured.
    console.log(`  done: ${JSON.stringify(summarizeScenario(measured.at(-1)))}`);
  }
  await next?.stop();
  await app?.stop();
  next = undefined;
  app = undefined;
  return measured;
}

/** CPU seconds between two readings; a process killed and started again between them counts from 0. */
function cpuSpent(before: ProcessUsage[], after: ProcessUsage[]): number {
  const total = (readings: ProcessUsage[]) => readings.reduce((sum, { cpuSeconds }) => sum + cpuSeconds, 0);
  return before.length === after.length ? total(after) - total(before) : total(after);
}

/** SIGKILLs the last app process after `delayMs`; resolves once the one the supervisor starts answers. */
async function killOneLater(
  running: BenchProcesses,
  delayMs: number,
): Promise<{ port: number; atMs: number; healthyAtMs: number }> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const { port, pid } = running.supervisor.processes().at(-1) ?? { port: 0 };
  if (!pid) throw new Error(`No process on port ${port} to kill.`);
  process.kill(pid, "SIGKILL");
  const atMs = Date.now();
  console.log(`  killed the process on port ${port} (pid ${pid})`);
  await waitForHealth({ port, rootHost: running.rootHost });
  return { port, atMs, healthyAtMs: Date.now() };
}

async function provisionClinics(fixture: PlatformFixture, concurrency: number) {
  const service = new ClinicDatabaseService({ central: fixture.central, env: fixture.env });
  const started = performance.now();
  let done = 0;
  const provision = async (i: number) => {
    await service.provisionClinic({
      name: `Bench Clinic ${i}`,
      subdomain: `bench-${i}`,
      ownerId: fixture.owner.id,
    });
    done++;
    if (done % 50 === 0 || done === count) console.log(`  provisioned ${done}/${count}`);
  };
  // The first one builds the template the others are copied from.
  await provision(0);
  // On a failure the other workers stop taking clinics, and all settle before the cleanup drops them.
  let nextIndex = 1;
  let failed = false;
  const worker = async () => {
    while (nextIndex < count && !failed) {
      await provision(nextIndex++).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, worker));
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure) throw failure.reason;
  console.log(`  provisioned ${count} clinics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
