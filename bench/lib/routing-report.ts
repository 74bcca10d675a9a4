import type { RegistryRates } from "./app-metrics";
import type { KillSummary } from "./bench-processes";
import type { ConnectionPeaks } from "./connection-sampler";
import type { Distribution } from "./host-order";
import type { LoadResult } from "./load-run";
import type { MachineCpu } from "./process-usage";

export type RoutingScenario = {
  label: string;
  /** Warm-up and measured part. */
  seconds: number;
  processes: number;
  /** Undefined for the one-clinic baseline. */
  distribution?: Distribution;
  result: LoadResult;
  /** All servers at one moment, and per server in the order of the report's `servers`. */
  peaks: ConnectionPeaks;
  sessionsOpened: number;
  /** Over warm-up and measured part, summed over the app processes; RSS at the end, per process. */
  cpuSeconds: number;
  /** The whole machine over the same time: PostgreSQL, nginx, the load generator and the app. */
  machine: MachineCpu;
  rssBytes: number[];
  rates: RegistryRates;
  killed?: KillSummary;
};

const MiB = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
const verdict = (met: boolean) => (met ? "met" : "MISSED");
const allRequests = ({ result }: RoutingScenario) => result.requests + result.warmupRequests;
const perCpuSecond = (scenario: RoutingScenario) => allRequests(scenario) / scenario.cpuSeconds;
const tenantPeak = ({ peaks }: RoutingScenario) => peaks.tenant;
/** "total (first + second)" with several servers, the total alone with one. */
const perServer = (peaks: ConnectionPeaks, key: "tenant" | "server") =>
  peaks.perServer.length > 1
    ? `${peaks[key]} (${peaks.perServer.map((each) => each[key]).join(" + ")})`
    : String(peaks[key]);

/** The table, the per-scenario details and the targets, on stdout. */
export function reportRouting(options: {
  scenarios: RoutingScenario[];
  /** The tenant connection budget of one process. */
  budget: number;
  servers: string[];
  /** Requests went through PgBouncer, whose server connections the app's budget does not cap. */
  pooled: boolean;
  /** TENANT_CLIENT_CACHE: the RSS target allows 2 MB per kept client over the one-clinic run's. */
  clientCache: number;
  /** pgbench -C's connections per second in the same run (when a uniform load ran). */
  backendStarts?: number;
}) {
  const { scenarios, budget, servers, pooled, clientCache, backendStarts } = options;
  printTable(scenarios, budget);
  if (servers.length > 1)
    console.log(
      `  connections: the peak over all servers at one moment, then each server's own peak (${servers.join(" + ")})`,
    );
  for (const scenario of scenarios) printDetails(scenario);

  const failures = scenarios.reduce(
    (sum, { result }) => sum + result.errors + result.non2xx + result.wrongClinic,
    0,
  );
  console.log(`  errors + non-2xx + wrong clinic: ${failures} (target 0): ${verdict(failures === 0)}`);
  const overBudget = scenarios.filter((scenario) => tenantPeak(scenario) > budget * scenario.processes);
  if (pooled) {
    const peak = Math.max(...scenarios.map(tenantPeak));
    console.log(
      `  peak server connections of the clinic roles: ${peak}, PgBouncer's (idle ones kept for server_idle_timeout); the app's budget caps what it asks PgBouncer for, not these`,
    );
  } else {
    console.log(
      `  peak tenant connections within the budget × processes in every run: ${verdict(overBudget.length === 0)}${overBudget.map(({ label }) => ` (over in ${label})`).join("")}`,
    );
  }
  for (const spread of scenarios.filter(({ distribution }) => distribution)) {
    const single = scenarios.find(
      ({ processes, distribution }) => !distribution && processes === spread.processes,
    );
    if (!single) continue;
    const ratio = spread.result.requestsPerSecond / single.result.requestsPerSecond;
    const grown = Math.max(...spread.rssBytes.map((bytes, i) => bytes - (single.rssBytes[i] ?? 0)));
    const allowed = 2 * 2 ** 20 * clientCache;
    console.log(
      `  ${spread.label}: RSS ${MiB(grown)} MiB above the one-clinic run's, per process at most (target ≤ 2 MB × ${clientCache} = ${MiB(allowed)} MiB): ${verdict(grown <= allowed)}`,
    );
    // Issue 17: a zipf load whose busy set fits the budget keeps 80 % of one clinic's throughput.
    const target = spread.distribution === "zipf" ? ` (target ≥ 80 %): ${verdict(ratio >= 0.8)}` : "";
    console.log(`  ${spread.label} / one clinic: ${percent(ratio)}${target}`);
    if (spread.distribution === "uniform" && backendStarts !== undefined) {
      // Round-robin over more clinics than the budget needs a backend per request: the server's ceiling.
      const share = spread.result.requestsPerSecond / backendStarts;
      console.log(
        `  ${spread.label}: ${spread.result.requestsPerSecond.toFixed(0)} req/s against pgbench -C's ${backendStarts.toFixed(0)} new connections/s: ${percent(share)} (target ≥ 80 %): ${verdict(share >= 0.8)}`,
      );
    }
    const alone = scenarios.find(
      ({ processes, distribution }) => processes === 1 && distribution === spread.distribution,
    );
    if (alone && spread.processes > 1) {
      const change = perCpuSecond(spread) / perCpuSecond(alone) - 1;
      console.log(
        `  ${spread.label}: ${perCpuSecond(spread).toFixed(0)} requests per CPU-second against one process's ${perCpuSecond(alone).toFixed(0)}: ${change >= 0 ? "+" : ""}${percent(change)} (target within 10 %): ${verdict(Math.abs(change) <= 0.1)}`,
      );
    }
  }
  const several = scenarios.filter(({ processes }) => processes > 1);
  if (several.length > 0) {
    const requests = several.reduce((sum, scenario) => sum + allRequests(scenario), 0);
    const wrong = several.reduce((sum, { result }) => sum + result.wrongClinic, 0);
    console.log(
      `  with several processes: ${requests} requests, ${wrong} answered from the wrong clinic (target 0 over ≥ 100,000): ${verdict(wrong === 0 && requests >= 100_000)}`,
    );
  }
}

function printTable(scenarios: RoutingScenario[], budget: number) {
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "non-2xx",
    "wrong clinic",
    "peak tenant conns",
    "all server conns",
    "tenant sessions / request",
    "new backends / s",
    "client hits",
    "conn hits",
    "req / CPU-s",
    "RSS MiB",
    "heap MiB",
  ];
  const rows = scenarios.map((scenario) => {
    const { label, result, peaks, sessionsOpened, rssBytes, rates, processes, seconds } = scenario;
    return [
      label,
      result.requestsPerSecond.toFixed(0),
      result.p50Ms.toFixed(0),
      result.p99Ms.toFixed(0),
      String(result.errors),
      String(result.non2xx),
      String(result.wrongClinic),
      `${perServer(peaks, "tenant")} / ${budget * processes}`,
      perServer(peaks, "server"),
      (sessionsOpened / allRequests(scenario)).toFixed(2),
      (sessionsOpened / seconds).toFixed(1),
      percent(rates.clientHitRate),
      percent(rates.connectionHitRate),
      perCpuSecond(scenario).toFixed(0),
      rssBytes.map(MiB).join(" + "),
      rates.heapBytes.map(MiB).join(" + "),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of [header, ...rows])
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`);
}

function printDetails({ label, result, rates, killed, machine, cpuSeconds }: RoutingScenario) {
  const codes = (statuses: Record<string, number>) =>
    Object.entries(statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(", ");
  console.log(
    `  ${label}: ${result.requests} requests measured (${codes(result.statusCodes)}), ${result.errors} errors of which ${result.timeouts} timeouts, max ${result.maxMs} ms; registry: ${rates.clientMisses} clients made, ${rates.connectionMisses} connection slots taken, warm clients at the end ${rates.cachedClients.join(" + ")}`,
  );
  const requests = result.requests + result.warmupRequests;
  console.log(
    `  ${label}: the machine was ${percent(machine.busySeconds / machine.totalSeconds)} busy; per request ${((machine.busySeconds / requests) * 1000).toFixed(1)} ms of CPU in all, ${((cpuSeconds / requests) * 1000).toFixed(1)} ms of it in the app`,
  );
  if (!killed) return;
  const at = (ms: number | undefined) => (ms === undefined ? "never" : `+${(ms / 1000).toFixed(1)} s`);
  console.log(
    `  ${label}: nginx answered ${killed.requests} requests (${codes(killed.statuses)}); ${killed.failedOnKilled} failed on the killed process (502), ${killed.retried} went on to the next process, the last at ${at(killed.lastRetryMs)} after the kill; the new process answered /api/health at ${at(killed.healthyMs)} and got its clinics back at ${at(killed.backMs)}`,
  );
}

/** One run's main figures, for a line printed as soon as it ends. */
export function summarizeScenario(scenario: RoutingScenario | undefined) {
  if (!scenario) return undefined;
  const { label, result, rates, rssBytes, sessionsOpened, seconds } = scenario;
  return {
    label,
    requestsPerSecond: Math.round(result.requestsPerSecond),
    requests: allRequests(scenario),
    p50Ms: Math.round(result.p50Ms),
    p99Ms: Math.round(result.p99Ms),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    wrongClinic: result.wrongClinic,
    peakTenant: scenario.peaks.tenant,
    peakTenantPerServer: scenario.peaks.perServer.map(({ tenant }) => tenant),
    backendsPerSecond: Number((sessionsOpened / seconds).toFixed(1)),
    clientHitRate: Number(rates.clientHitRate.toFixed(3)),
    connectionHitRate: Number(rates.connectionHitRate.toFixed(3)),
    requestsPerCpuSecond: Math.round(perCpuSecond(scenario)),
    machineCpuMsPerRequest: Number(
      ((scenario.machine.busySeconds / allRequests(scenario)) * 1000).toFixed(1),
    ),
    rssMiB: rssBytes.map((bytes) => Math.round(bytes / 2 ** 20)),
    heapMiB: rates.heapBytes.map((bytes) => Math.round(bytes / 2 ** 20)),
  };
}
