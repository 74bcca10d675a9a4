// npm run bench:client-cache [-- --clinics 300 --budget 40 --concurrency 20 --duration 10 --warmup 3 --repeat 3]:
// what a clinic's Prisma client costs (new, warm on a new connection, warm on an open one), the heap a
// kept client holds, and requests in-process for one clinic vs round-robin over every clinic, for the
// registry and for a prototype of the other design (warm clients leased to one clinic at a time).
// Each measurement runs in a child process of its own, so its heap and RSS are its own.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/db/project-root";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { createPlatformFixture, type PlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, startBenchServer } from "./lib/bench-server";
import { type CacheRun, type CostRun, runChild } from "./lib/client-cache-child";
import { startConnectionSampler } from "./lib/connection-sampler";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "300" },
    budget: { type: "string", default: "40" },
    concurrency: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    repeat: { type: "string", default: "3" },
    designs: { type: "string", default: "registry,leased" },
    child: { type: "string" },
  },
});

if (values.child) {
  await runChild(values.child);
  process.exit(0);
}

for (const flag of ["clinics", "budget", "concurrency", "duration", "warmup", "repeat"] as const) {
  const value = values[flag];
  if (!/^\d+$/.test(value) || (flag !== "warmup" && Number(value) === 0))
    throw new Error(`--${flag} takes a positive whole number.`);
}
const designs = values.designs.split(",");
const count = Number(values.clinics);
process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");

const server = await startBenchServer();
let platform: PlatformFixture | undefined;
console.log(`client cache: ${count} clinics on ${server.kind}; ${machineLine()}`);
console.log(
  `  load average at start ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}`,
);
try {
  platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
  await provisionClinics(platform);
  await platform.central.$disconnect();
  const sampler = await startConnectionSampler({
    adminUrls: [server.adminUrl],
    prefix: platform.prefix,
    centralDatabase: `${platform.prefix}central`,
  });
  const childEnv = {
    ...platform.env,
    BENCH_CENTRAL_URL: platform.centralUrl,
    BENCH_CLINICS: String(count),
    BENCH_BUDGET: values.budget,
    BENCH_CONCURRENCY: values.concurrency,
    BENCH_DURATION: values.duration,
    BENCH_WARMUP: values.warmup,
  };
  const costs: CostRun[] = [];
  const runs: (CacheRun & { peakTenant: number })[] = [];
  for (let round = 0; round < Number(values.repeat); round++) {
    costs.push(await spawnChild<CostRun>("costs", childEnv));
    // Designs take turns, so load from other work falls on each alike.
    for (const design of designs) {
      sampler.takePeaks();
      const results = await spawnChild<CacheRun[]>(design, childEnv);
      const peakTenant = sampler.takePeaks().tenant;
      runs.push(...results.map((result) => ({ ...result, peakTenant })));
      console.log(`  round ${round + 1}, ${design} done (load ${os.loadavg()[0]?.toFixed(1)})`);
    }
  }
  await sampler.stop();
  reportCosts(costs);
  reportRuns(runs);
  console.log(
    `  load average at end ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await platform?.cleanup();
  await server.stop();
}

async function provisionClinics(fixture: PlatformFixture) {
  const service = new ClinicDatabaseService({ central: fixture.central, env: fixture.env });
  await fixture.central.databaseServer.update({
    where: { id: fixture.server.id },
    data: { capacity: Math.max(fixture.server.capacity, count) },
  });
  const provision = (i: number) =>
    service.provisionClinic({
      name: `Bench Clinic ${i}`,
      subdomain: `bench-${i}`,
      ownerId: fixture.owner.id,
    });
  // The first builds the template the others are copied from.
  await provision(0);
  for (let i = 1; i < count; i += 4) {
    await Promise.all(Array.from({ length: Math.min(4, count - i) }, (_, offset) => provision(i + offset)));
    process.stdout.write(`\r  provisioning ${Math.min(i + 4, count)}/${count}`);
  }
  console.log("");
}

function spawnChild<T>(mode: string, env: NodeJS.ProcessEnv): Promise<T> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--import", "tsx", script, "--child", mode], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`bench child "${mode}" exited with ${code}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as T);
    });
  });
}

function spread(numbers: number[], digits = 1): string {
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  return `${median(numbers).toFixed(digits)} (${low.toFixed(digits)}–${high.toFixed(digits)})`;
}

function reportCosts(costs: CostRun[]) {
  console.log(
    `\n  costs per clinic client, median of ${costs[0]?.samples} clinics per round; medians of rounds (min–max):`,
  );
  const steps = Object.keys(costs[0]?.steps ?? {});
  for (const step of steps) {
    const wall = costs.map((run) => run.steps[step]?.wallMs ?? Number.NaN);
    const cpu = costs.map((run) => run.steps[step]?.cpuMs ?? Number.NaN);
    console.log(`    ${step.padEnd(48)} wall ${spread(wall, 2)} ms, CPU ${spread(cpu, 2)} ms`);
  }
  const heap = costs.map((run) => run.heapPerClientMb);
  const rss = costs.map((run) => run.rssPerClientMb);
  console.log(
    `    heap per kept client (no connection)             ${spread(heap, 2)} MB, RSS ${spread(rss, 2)} MB`,
  );
}

function reportRuns(runs: (CacheRun & { peakTenant: number })[]) {
  console.log("\n  requests in-process, medians of rounds (min–max):");
  const keys = [...new Set(runs.map((run) => `${run.design} / ${run.scenario}`))];
  for (const key of keys) {
    const same = runs.filter((run) => `${run.design} / ${run.scenario}` === key);
    const field = (pick: (run: CacheRun) => number, digits = 0) => spread(same.map(pick), digits);
    console.log(
      `    ${key}: ${field((run) => run.requestsPerSecond)} req/s, CPU ${field((run) => run.cpuMsPerRequest, 2)} ms/req ` +
        `(process got ${field((run) => run.cpuShare * 100)} % of a core), p50 ${field((run) => run.p50Ms, 1)} ms, ` +
        `p99 ${field((run) => run.p99Ms, 1)} ms, heap ${field((run) => run.heapMb)} MB, RSS ${field((run) => run.rssMb)} MB, ` +
        `warm-up ${field((run) => run.warmupSeconds)} s, peak tenant conns ${Math.max(...same.map((run) => run.peakTenant))}, ` +
        `errors ${same.reduce((sum, run) => sum + run.errors, 0)}`,
    );
    if (same[0]?.detail) console.log(`      ${same.map((run) => run.detail).join("; ")}`);
  }
}
