import { once } from "node:events";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { findClinicOverview } from "../../lib/clinic/overview";
import { createCentralClient } from "../../lib/db/central";
import { PrismaClient } from "../../lib/generated/tenant/client";
import { ClinicLookup, type ClinicRecord } from "../../lib/tenancy/clinic-lookup";
import type { TenantDb } from "../../lib/tenancy/registry";
import { TenantRegistry } from "../../lib/tenancy/registry";
import { clinicConnectionUrl } from "../../lib/tenancy/servers";
import { percentile } from "./bench-server";
import { LeasedClients } from "./leased-clients";

export type Cost = { wallMs: number; cpuMs: number };
export type CostRun = {
  samples: number;
  steps: Record<string, Cost>;
  heapPerClientMb: number;
  rssPerClientMb: number;
};
export type CacheRun = {
  design: string;
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Process CPU over the measured requests, and the share of one core the process got. */
  cpuMsPerRequest: number;
  cpuShare: number;
  /** The warm-up's length: at least one request per clinic. */
  warmupSeconds: number;
  errors: number;
  /** Heap and RSS with every client the design keeps, after a full GC. */
  heapMb: number;
  rssMb: number;
  detail?: string;
};

/** One request's work in a design: the clinic's front page reads, on that clinic's database. */
type Design = {
  run<T>(subdomain: string, work: (db: TenantDb) => Promise<T>): Promise<T>;
  describe(): string;
  close(): Promise<void>;
};

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const env = (name: string) => Number(process.env[name]);
const MB = 2 ** 20;

/** Runs one measurement and prints its result as the last line of stdout, as JSON. */
export async function runChild(mode: string): Promise<void> {
  const central = createCentralClient(process.env.BENCH_CENTRAL_URL ?? "", 3);
  const lookup = new ClinicLookup({ central, ttlMs: 5_000 });
  try {
    const result = mode === "costs" ? await measureCosts(lookup) : await measureDesign(mode, central, lookup);
    console.log(JSON.stringify(result));
  } finally {
    await central.$disconnect();
  }
}

const subdomainOf = (i: number) => `bench-${i}`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T } & Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function findRecord(lookup: ClinicLookup, i: number): Promise<ClinicRecord> {
  const record = await lookup.find(subdomainOf(i));
  if (!record?.databaseServer) throw new Error(`${subdomainOf(i)} has no clinic row`);
  return record;
}

function clinicPool(record: ClinicRecord): pg.Pool {
  const server = record.databaseServer;
  if (!server) throw new Error(`${record.subdomain} has no server`);
  const pool = new pg.Pool({ connectionString: clinicConnectionUrl(record, server), max: 1 });
  pool.on("error", () => {});
  return pool;
}

/** Closes the pool's one idle connection and waits until it is gone, keeping the pool. */
async function closeConnection(pool: pg.Pool): Promise<void> {
  const removed = once(pool, "remove");
  (await pool.connect()).release(true);
  await removed;
}

async function measureCosts(lookup: ClinicLookup): Promise<CostRun> {
  const samples = Math.min(20, env("BENCH_CLINICS"));
  const steps: Record<string, Cost[]> = {};
  const record = (step: string, cost: Cost) => {
    steps[step] ??= [];
    steps[step].push({ wallMs: cost.wallMs, cpuMs: cost.cpuMs });
  };
  for (let i = 0; i < samples; i++) {
    const clinic = await findRecord(lookup, i);
    const pool = clinicPool(clinic);
    const made = await timed(async () => new PrismaClient({ adapter: new PrismaPg(pool) }));
    const db = made.value;
    record("new client: constructor", made);
    record("new client: $connect", await timed(() => db.$connect()));
    record("new connection: connect + SELECT 1", await timed(() => pool.query("SELECT 1")));
    record("new client, open connection: first page reads", await timed(() => findClinicOverview(db)));
    record("warm client, open connection: page reads", await timed(() => findClinicOverview(db)));
    await closeConnection(pool);
    record("warm client, new connection: page reads", await timed(() => findClinicOverview(db)));
    await db.$disconnect();
    await pool.end();
  }
  const medians = Object.fromEntries(
    Object.entries(steps).map(([step, costs]) => [
      step,
      {
        wallMs: percentile(
          costs.map((cost) => cost.wallMs),
          50,
        ),
        cpuMs: percentile(
          costs.map((cost) => cost.cpuMs),
          50,
        ),
      },
    ]),
  );
  return { samples, steps: medians, ...(await measureKeptClients(lookup)) };
}

/** Heap and RSS that kept clients hold, each warm (its page reads compiled) with its connection closed. */
async function measureKeptClients(lookup: ClinicLookup) {
  const count = Math.min(100, env("BENCH_CLINICS"));
  const records = await Promise.all(Array.from({ length: count }, (_, i) => findRecord(lookup, i)));
  // One client made and dropped first, so code loaded once is not counted per client.
  const first = clinicPool(records[0] as ClinicRecord);
  const warmUp = new PrismaClient({ adapter: new PrismaPg(first) });
  await findClinicOverview(warmUp);
  await warmUp.$disconnect();
  await first.end();
  collectGarbage();
  const before = process.memoryUsage();
  const kept: { db: PrismaClient; pool: pg.Pool }[] = [];
  for (const clinic of records) {
    const pool = clinicPool(clinic);
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    await findClinicOverview(db);
    await closeConnection(pool);
    kept.push({ db, pool });
  }
  collectGarbage();
  const after = process.memoryUsage();
  await Promise.all(kept.map(({ db, pool }) => db.$disconnect().then(() => pool.end())));
  return {
    heapPerClientMb: (after.heapUsed - before.heapUsed) / count / MB,
    rssPerClientMb: (after.rss - before.rss) / count / MB,
  };
}

function createDesign(
  design: string,
  central: ReturnType<typeof createCentralClient>,
  lookup: ClinicLookup,
): Design {
  const budget = env("BENCH_BUDGET");
  if (design === "registry") {
    const registry = new TenantRegistry({ central, budget, log: () => {} });
    return {
      run: (subdomain, work) => registry.withTenantDb(subdomain, (db) => work(db)),
      describe: () => JSON.stringify(registry.metrics()),
      close: () => registry.close(),
    };
  }
  if (design === "leased") {
    const leased = new LeasedClients({ budget, lookup });
    return {
      run: (subdomain, work) => leased.run(subdomain, work),
      describe: () => leased.describe(),
      close: () => leased.close(),
    };
  }
  throw new Error(`No design "${design}": registry or leased.`);
}

async function measureDesign(
  design: string,
  central: ReturnType<typeof createCentralClient>,
  lookup: ClinicLookup,
) {
  const runs: CacheRun[] = [];
  for (const [scenario, clinics] of [
    ["one clinic", 1],
    [`round-robin over ${env("BENCH_CLINICS")}`, env("BENCH_CLINICS")],
  ] as const) {
    // A design of its own per scenario: round-robin starts cold, as after a deploy.
    const tenants = createDesign(design, central, lookup);
    try {
      runs.push({ design, scenario, ...(await runLoad(tenants, clinics)) });
    } finally {
      await tenants.close();
    }
  }
  return runs;
}

/**
 * `BENCH_CONCURRENCY` workers, each sending the next clinic's request as soon as its last one is
 * answered. The warm-up lasts `BENCH_WARMUP` seconds and at least one pass over every clinic, so a
 * design that keeps clients is measured with them made; CPU per request is the figure that other
 * work on the machine disturbs least.
 */
async function runLoad(tenants: Design, clinics: number) {
  let next = 0;
  let errors = 0;
  let measuring = false;
  let stopping = false;
  let firstPass: (() => void) | undefined;
  const passed = new Promise<void>((resolve) => {
    firstPass = resolve;
  });
  const latencies: number[] = [];
  const worker = async () => {
    while (!stopping) {
      const index = next++;
      const started = performance.now();
      try {
        await tenants.run(subdomainOf(index % clinics), (db) => findClinicOverview(db));
        if (measuring) latencies.push(performance.now() - started);
      } catch {
        if (measuring) errors++;
      }
      if (index === clinics - 1) firstPass?.();
    }
  };
  const warmupStarted = performance.now();
  const workers = Array.from({ length: env("BENCH_CONCURRENCY") }, worker);
  await Promise.all([passed, new Promise((resolve) => setTimeout(resolve, env("BENCH_WARMUP") * 1000))]);
  const warmupSeconds = (performance.now() - warmupStarted) / 1000;
  measuring = true;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, env("BENCH_DURATION") * 1000));
  measuring = false;
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  stopping = true;
  await Promise.all(workers);
  collectGarbage();
  const memory = process.memoryUsage();
  const cpuMs = (used.user + used.system) / 1000;
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerRequest: cpuMs / Math.max(1, latencies.length),
    cpuShare: cpuMs / 1000 / seconds,
    warmupSeconds,
    errors,
    heapMb: memory.heapUsed / MB,
    rssMb: memory.rss / MB,
    detail: tenants.describe(),
  };
}
