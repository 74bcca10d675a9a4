// npm run bench:routing [-- --clinics 300 --duration 15 --connections 20 --warmup 5]: the tenant home page
// under HTTP load from a separate process, all requests for one clinic vs round-robin over every clinic.
// TENANT_CONNECTION_BUDGET and TENANT_POOL_MAX, when set, are passed on to the server.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/db/embedded-server";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { readTenantConnectionSettings } from "../lib/tenancy/registry-settings";
import { createPlatformFixture, type PlatformFixture } from "../lib/testing/platform-fixture";
import { type BenchNext, buildBenchApp, getPage, startBenchNext } from "./lib/bench-next";
import { machineLine, startBenchServer } from "./lib/bench-server";
import { type ConnectionPeaks, startConnectionSampler } from "./lib/connection-sampler";
import { type LoadResult, runLoad } from "./lib/load-run";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "300" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
  },
});
for (const [flag, value] of Object.entries(values)) {
  if (!/^\d+$/.test(value) || (flag !== "warmup" && Number(value) === 0))
    throw new Error(`--${flag} takes a positive whole number.`);
}
const count = Number(values.clinics);
const load = {
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  warmupSeconds: Number(values.warmup),
};
const { budget, poolMax } = readTenantConnectionSettings(process.env);
// This process provisions the clinics, so it needs the same key and prefix as the server.
process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");

type Scenario = { label: string; result: LoadResult; peaks: ConnectionPeaks; sessionsOpened: number };

const server = await startBenchServer();
let platform: PlatformFixture | undefined;
let next: BenchNext | undefined;
let sampler: Awaited<ReturnType<typeof startConnectionSampler>> | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () => {
  cleaning ??= (async () => {
    const steps = [() => next?.stop(), () => sampler?.stop(), () => platform?.cleanup(), () => server.stop()];
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
console.log(`  tenant connection budget ${budget}, pool ${poolMax} per clinic client`);
try {
  platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
  process.env.TENANT_NAME_PREFIX = platform.prefix;
  const port = await findFreePort(3200);
  const rootHost = `localhost:${port}`;
  const clinicHost = (i: number) => `bench-${i}.${rootHost}`;
  const serverEnv = { ...platform.env, DATABASE_URL: platform.centralUrl, ROOT_DOMAIN: rootHost };
  // Built before the clinics are made, so a build that fails costs no provisioning.
  await buildBenchApp(serverEnv);
  await provisionClinics(platform, Number(values.concurrency));
  // Its idle pool would count among the central connections measured below.
  await platform.central.$disconnect();
  next = await startBenchNext({ port, rootHost, env: serverEnv });
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
  });
  const url = `http://127.0.0.1:${port}/`;
  const scenarios: Scenario[] = [];
  for (const [label, hosts] of [
    ["one clinic", [clinicHost(0)]],
    [`round-robin over ${count}`, Array.from({ length: count }, (_, i) => clinicHost(i))],
  ] as const) {
    console.log(`  ${label}: ${load.warmupSeconds} s warm-up, ${load.durationSeconds} s measured…`);
    const before = await sampler.tenantSessionsOpened();
    sampler.takePeaks();
    const result = await runLoad({ url, hosts: [...hosts], ...load });
    const peaks = sampler.takePeaks();
    // Backends report their session to pg_stat_database within about a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    scenarios.push({ label, result, peaks, sessionsOpened: (await sampler.tenantSessionsOpened()) - before });
  }
  report(scenarios);
} finally {
  await cleanup();
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
  const rows = scenarios.map(({ label, result, peaks, sessionsOpened }) => [
    label,
    result.requestsPerSecond.toFixed(0),
    result.p50Ms.toFixed(0),
    result.p99Ms.toFixed(0),
    String(result.errors),
    String(result.non2xx),
    `${peaks.tenant} / ${budget}`,
    String(peaks.central),
    String(peaks.server),
    (sessionsOpened / (result.requests + result.warmupRequests)).toFixed(2),
  ]);
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "non-2xx",
    "peak tenant conns",
    "central conns",
    "all server conns",
    "tenant sessions / request",
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of [header, ...rows])
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`);

  const [single, roundRobin] = scenarios;
  if (!single || !roundRobin) return;
  for (const { label, result } of scenarios) {
    const codes = Object.entries(result.statusCodes)
      .map(([code, n]) => `${code}×${n}`)
      .join(", ");
    console.log(`  ${label}: ${result.requests} requests measured (${codes}), max ${result.maxMs} ms`);
  }
  const ratio = roundRobin.result.requestsPerSecond / single.result.requestsPerSecond;
  const failures = roundRobin.result.errors + roundRobin.result.non2xx;
  const peak = Math.max(single.peaks.tenant, roundRobin.peaks.tenant);
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log(`  round-robin errors + non-2xx: ${failures} (target 0): ${verdict(failures === 0)}`);
  console.log(
    `  round-robin / one clinic: ${(ratio * 100).toFixed(0)} % (target ≥ 70 %): ${verdict(ratio >= 0.7)}`,
  );
  console.log(`  peak tenant connections: ${peak} (budget ${budget}): ${verdict(peak <= budget)}`);
}
