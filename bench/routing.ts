// npm run bench:routing [-- --clinics 300 --duration 15 --connections 20 --warmup 5 --distribution uniform]:
// the tenant home page under HTTP load from a separate process, all requests for one clinic vs spread
// over every clinic: round-robin ("uniform") or seeded Zipf, s = 1.1 ("zipf": a few busy, a long tail).
// Each 2xx answer must hold the requested clinic's name.
// TENANT_CONNECTION_BUDGET and TENANT_POOL_MAX, when set, are passed on to the server.
// --processes N: the app as `npm start -- --workers N` runs it, behind nginx (deploy/nginx's site);
// with N ≥ 2 a third run kills one process (SIGKILL) a third of the way into its measured part.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/db/embedded-server";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { readTenantConnectionSettings } from "../lib/tenancy/registry-settings";
import { createPlatformFixture, type PlatformFixture } from "../lib/testing/platform-fixture";
import { waitForHealth } from "../scripts/lib/next-server";
import { type BenchNext, buildBenchApp, getPage, startBenchNext } from "./lib/bench-next";
import {
  type BenchProcesses,
  type KillSummary,
  startBenchProcesses,
  summarizeKill,
} from "./lib/bench-processes";
import { machineLine, startBenchServer } from "./lib/bench-server";
import { type ConnectionPeaks, startConnectionSampler } from "./lib/connection-sampler";
import { busyShare, type Distribution } from "./lib/host-order";
import { type LoadResult, runLoad } from "./lib/load-run";
import { type ProcessUsage, readProcessUsage } from "./lib/process-usage";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "300" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
    processes: { type: "string" },
    distribution: { type: "string", default: "uniform" },
  },
});
const { distribution: distributionFlag, ...counts } = values;
if (distributionFlag !== "uniform" && distributionFlag !== "zipf")
  throw new Error("--distribution takes uniform or zipf.");
const distribution: Distribution = distributionFlag;
for (const [flag, value] of Object.entries(counts)) {
  if (value === undefined) continue;
  if (!/^\d+$/.test(value) || (flag !== "warmup" && Number(value) === 0))
    throw new Error(`--${flag} takes a positive whole number.`);
}
const processes = values.processes === undefined ? undefined : Number(values.processes);
const count = Number(values.clinics);
const load = {
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  warmupSeconds: Number(values.warmup),
};
const { budget: processBudget, poolMax } = readTenantConnectionSettings(process.env);
// Each app process has the budget; together they may hold it N times.
const budget = processBudget * (processes ?? 1);
// This process provisions the clinics, so it needs the same key and prefix as the server.
process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");
// The clinic home page reads the session, whose key a server with DATABASE_URL must be given.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");

type Scenario = {
  label: string;
  result: LoadResult;
  peaks: ConnectionPeaks;
  sessionsOpened: number;
  /** Over warm-up and measured part, summed over the app processes; RSS at the end, per process. */
  cpuSeconds: number;
  rssBytes: number[];
  killed?: KillSummary;
};

const server = await startBenchServer();
let platform: PlatformFixture | undefined;
let next: BenchNext | undefined;
let app: BenchProcesses | undefined;
let sampler: Awaited<ReturnType<typeof startConnectionSampler>> | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () => {
  cleaning ??= (async () => {
    const steps = [
      () => next?.stop(),
      () => app?.stop(),
      () => sampler?.stop(),
      () => platform?.cleanup(),
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
console.log(`  tenant connection budget ${processBudget}, pool ${poolMax} per clinic client`);
if (distribution === "zipf") {
  const share = busyShare({ count, distribution, top: Math.floor(processBudget / poolMax) });
  console.log(
    `  zipf: the ${Math.floor(processBudget / poolMax)} busiest clinics get ${(share * 100).toFixed(0)} % of requests`,
  );
}
if (processes) console.log(`  ${processes} app process(es) behind nginx, each with that budget`);
try {
  platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
  process.env.TENANT_NAME_PREFIX = platform.prefix;
  const serverEnv = { ...platform.env, DATABASE_URL: platform.centralUrl };
  // Built before the clinics are made, so a build that fails costs no provisioning.
  await buildBenchApp(serverEnv);
  await provisionClinics(platform, Number(values.concurrency));
  // Its idle pool would count among the central connections measured below.
  await platform.central.$disconnect();
  let port: number;
  let rootHost: string;
  if (processes) {
    app = await startBenchProcesses({ processes, env: serverEnv });
    ({ port, rootHost } = app);
  } else {
    port = await findFreePort(3200);
    rootHost = `localhost:${port}`;
    next = await startBenchNext({ port, rootHost, env: { ...serverEnv, ROOT_DOMAIN: rootHost } });
  }
  const clinicHost = (i: number) => `bench-${i}.${rootHost}`;
  // The supervisor's processes, or next start; each with whatever it spawned.
  const appPids = () =>
    app ? app.supervisor.processes().flatMap(({ pid }) => (pid ? [pid] : [])) : next?.pid ? [next.pid] : [];
  const usage = () => appPids().map(readProcessUsage);
  for (const i of new Set([0, count - 1])) {
    const page = await getPage({ port, host: clinicHost(i) });
    if (page.status !== 200 || !page.body.includes(`Bench Clinic ${i}<`)) {
      throw new Error(`${clinicHost(i)} answered ${page.status} without its clinic's name.`);
    }
  }

  sampler = await startConnectionSampler({
    adminUrl: server.adminUrl,
    prefix: platform.prefix,
    centralDatabase: `${platform.prefix}central`,
    intervalMs: 200,
  });
  const url = `http://127.0.0.1:${port}/`;
  const scenarios: Scenario[] = [];
  const everyClinic = Array.from({ length: count }, (_, i) => clinicHost(i));
  const spread = distribution === "zipf" ? "zipf" : "round-robin";
  const runs: Array<{ label: string; clinics: number; kill?: boolean }> = [
    { label: "one clinic", clinics: 1 },
    { label: `${spread} over ${count}`, clinics: count },
  ];
  if ((processes ?? 0) >= 2) {
    runs.push({ label: `${spread}, one process killed`, clinics: count, kill: true });
  }
  for (const { label, clinics, kill } of runs) {
    console.log(`  ${label}: ${load.warmupSeconds} s warm-up, ${load.durationSeconds} s measured…`);
    const before = await sampler.tenantSessionsOpened();
    sampler.takePeaks();
    const startedAt = Date.now();
    const usageBefore = usage();
    const killing =
      kill && app ? killOneLater(app, (load.warmupSeconds + load.durationSeconds / 3) * 1000) : undefined;
    const result = await runLoad({
      url,
      hosts: everyClinic.slice(0, clinics),
      distribution,
      bodyIncludes: Array.from({ length: clinics }, (_, i) => `Bench Clinic ${i}<`),
      ...load,
    });
    const peaks = sampler.takePeaks();
    const usageAfter = usage();
    // Backends report their session to pg_stat_database within about a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sessionsOpened = (await sampler.tenantSessionsOpened()) - before;
    const killed = await killing;
    const killLog = killed && (await app?.nginx.accessLog());
    scenarios.push({
      label,
      result,
      peaks,
      sessionsOpened,
      cpuSeconds: cpuSpent(usageBefore, usageAfter),
      rssBytes: usageAfter.map(({ rssBytes }) => rssBytes),
      killed: killed && summarizeKill(killLog ?? "", { ...killed, sinceMs: startedAt }),
    });
  }
  report(scenarios);
} finally {
  await cleanup();
}

/** CPU seconds between two readings; a process killed and started again between them counts from 0. */
function cpuSpent(before: ProcessUsage[], after: ProcessUsage[]): number {
  const total = (readings: ProcessUsage[]) => readings.reduce((sum, { cpuSeconds }) => sum + cpuSeconds, 0);
  return before.length === after.length ? total(after) - total(before) : total(after);
}

/** SIGKILLs the last app process after `delayMs`; resolves once the one the supervisor starts answers. */
async function killOneLater(
  app: BenchProcesses,
  delayMs: number,
): Promise<{ port: number; atMs: number; healthyAtMs: number }> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const { port, pid } = app.supervisor.processes().at(-1) ?? { port: 0 };
  if (!pid) throw new Error(`No process on port ${port} to kill.`);
  process.kill(pid, "SIGKILL");
  const atMs = Date.now();
  console.log(`  killed the process on port ${port} (pid ${pid})`);
  await waitForHealth({ port, rootHost: app.rootHost });
  return { port, atMs, healthyAtMs: Date.now() };
}

async function provisionClinics(fixture: PlatformFixture, concurrency: number) {
  const service = new ClinicDatabaseService({ central: fixture.central, env: fixture.env });
  // A server takes 200 clinics by default; this one is the benchmark's own.
  await fixture.central.databaseServer.update({
    where: { id: fixture.server.id },
    data: { capacity: Math.max(fixture.server.capacity, count) },
  });
  const started = performance.now();
  let done = 0;
  const provision = async (i: number) => {
    await service.provisionClinic({
      name: `Bench Clinic ${i}`,
      subdomain: `bench-${i}`,
      ownerId: fixture.owner.id,
    });
    process.stdout.write(`\r  provisioning ${++done}/${count}`);
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
  console.log(`\r  provisioned ${count} clinics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function report(scenarios: Scenario[]) {
  const seconds = load.warmupSeconds + load.durationSeconds;
  const rows = scenarios.map(({ label, result, peaks, sessionsOpened, cpuSeconds, rssBytes }) => [
    label,
    result.requestsPerSecond.toFixed(0),
    result.p50Ms.toFixed(0),
    result.p99Ms.toFixed(0),
    String(result.errors),
    String(result.non2xx),
    String(result.wrongClinic),
    `${peaks.tenant} / ${budget}`,
    String(peaks.central),
    String(peaks.server),
    (sessionsOpened / (result.requests + result.warmupRequests)).toFixed(2),
    (sessionsOpened / seconds).toFixed(1),
    ((result.requests + result.warmupRequests) / cpuSeconds).toFixed(0),
    rssBytes.map((bytes) => (bytes / 2 ** 20).toFixed(0)).join(" + "),
  ]);
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "non-2xx",
    "wrong clinic",
    "peak tenant conns",
    "central conns",
    "all server conns",
    "tenant sessions / request",
    "new backends / s",
    "req / CPU-s",
    "RSS MiB",
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of [header, ...rows])
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`);

  const [single, spread] = scenarios;
  if (!single || !spread) return;
  for (const { label, result } of scenarios) {
    const codes = Object.entries(result.statusCodes)
      .map(([code, n]) => `${code}×${n}`)
      .join(", ");
    console.log(`  ${label}: ${result.requests} requests measured (${codes}), max ${result.maxMs} ms`);
  }
  for (const { label, killed } of scenarios) {
    if (!killed) continue;
    const codes = Object.entries(killed.statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(", ");
    const at = (ms: number | undefined) => (ms === undefined ? "never" : `+${(ms / 1000).toFixed(1)} s`);
    console.log(
      `  ${label}: nginx answered ${killed.requests} requests (${codes}); ${killed.failedOnKilled} failed on the killed process (502), ${killed.retried} went on to the next process, the last at ${at(killed.lastRetryMs)} after the kill; the new process answered /api/health at ${at(killed.healthyMs)} and got its clinics back at ${at(killed.backMs)}`,
    );
  }
  const ratio = spread.result.requestsPerSecond / single.result.requestsPerSecond;
  const failures = scenarios.reduce(
    (sum, { result }) => sum + result.errors + result.non2xx + result.wrongClinic,
    0,
  );
  const peak = Math.max(single.peaks.tenant, spread.peaks.tenant);
  // Issue 17: a zipf load whose busy set fits the budget keeps 80 %; round-robin over more clinics than fit, 70 %.
  const target = distribution === "zipf" ? 0.8 : 0.7;
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log(`  errors + non-2xx + wrong clinic: ${failures} (target 0): ${verdict(failures === 0)}`);
  console.log(
    `  ${spread.label} / one clinic: ${(ratio * 100).toFixed(0)} % (target ≥ ${target * 100} %): ${verdict(ratio >= target)}`,
  );
  console.log(`  peak tenant connections: ${peak} (budget ${budget}): ${verdict(peak <= budget)}`);
}
