import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CentralDb, createCentralClient } from "../db/central";
import type { DbTimeouts } from "../db/connection-timeouts";
import { centralDatabaseUnavailableError, clinicDatabaseUnavailableError } from "../db/database-unavailable";
import { type FaultProxy, startFaultProxy } from "../db/fault-proxy";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService } from "./clinic-database-service";
import { TenantRegistry } from "./registry";
import { clinicConnectionUrl } from "./servers";

// Short timeouts keep the file fast; the bound each test checks is the one an operator sets.
const TIMEOUTS: DbTimeouts = { connectTimeoutMs: 800, queryTimeoutMs: 800, keepAliveDelayMs: 500 };
// One query's timeout and one connection's, plus scheduling slack on a busy 2-core machine.
const ANSWER_WITHIN_MS = TIMEOUTS.connectTimeoutMs + TIMEOUTS.queryTimeoutMs + 700;

let platform: TestPlatform;
/** Between the app and the central database, and between the app and clinic "broken"'s database. */
let centralProxy: FaultProxy;
let clinicProxy: FaultProxy;
let central: CentralDb;
let registry: TenantRegistry;

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  for (const subdomain of ["broken", "healthy"])
    await service.provisionClinic({ name: `${subdomain} clinic`, subdomain, ownerId: platform.owner.id });
  const target = { host: platform.server.host, port: platform.server.port };
  centralProxy = await startFaultProxy({ target });
  clinicProxy = await startFaultProxy({ target });
});

afterAll(async () => {
  await centralProxy?.close();
  await clinicProxy?.close();
  await platform?.cleanup();
});

afterEach(async () => {
  await centralProxy.setMode("pass");
  await clinicProxy.setMode("pass");
  await registry?.close();
  await central?.$disconnect();
});

/** A registry as an app process has it, its central database behind centralProxy, "broken" behind clinicProxy. */
async function startRegistry(options: { lookupTtlMs: number }) {
  const centralUrl = throughProxy(platform.centralUrl, centralProxy);
  central = createCentralClient(centralUrl, 2, TIMEOUTS);
  registry = new TenantRegistry({
    central,
    centralUrl,
    budget: 4,
    poolMax: 1,
    lookupTtlMs: options.lookupTtlMs,
    timeouts: TIMEOUTS,
    connectionUrl: (clinic, server) => {
      const url = clinicConnectionUrl(clinic, server);
      return clinic.subdomain === "broken" ? throughProxy(url, clinicProxy) : url;
    },
    log: () => {},
  });
  await registry.startListening();
  return registry;
}

function throughProxy(url: string, proxy: FaultProxy): string {
  const proxied = new URL(url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return proxied.toString();
}

const countLocations = (subdomain: string) => registry.withTenantDb(subdomain, (db) => db.location.count());

/** How the call settled and how long it took. */
async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - started };
}

async function eventually(check: () => Promise<unknown> | unknown, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("a clinic's database server restarts or goes silent", () => {
  it("answers UNAVAILABLE within the timeouts while it is blackholed, other clinics answer, and it serves again after", async () => {
    await startRegistry({ lookupTtlMs: 60_000 });
    expect(await countLocations("broken")).toBe(1);

    await clinicProxy.setMode("blackhole");
    const during = await Promise.all([
      timed(() => countLocations("broken")),
      timed(() => countLocations("broken")),
      timed(() => countLocations("healthy")),
    ]);
    expect(during[0]?.error).toMatchObject({
      code: "UNAVAILABLE",
      message: clinicDatabaseUnavailableError().message,
    });
    expect(during[1]?.error).toMatchObject({ code: "UNAVAILABLE" });
    for (const { ms } of during) expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(during[2]?.value).toBe(1);

    await clinicProxy.setMode("pass");
    await eventually(async () => expect(await countLocations("broken")).toBe(1));
  });

  it("refuses at once while it restarts and recovers without restarting the app", async () => {
    await startRegistry({ lookupTtlMs: 60_000 });
    expect(await countLocations("broken")).toBe(1);

    await clinicProxy.setMode("refuse");
    const refused = await timed(() => countLocations("broken"));
    expect(refused.error).toMatchObject({ code: "UNAVAILABLE" });
    expect(refused.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(await countLocations("healthy")).toBe(1);

    await clinicProxy.setMode("pass");
    // The pool dropped its dead connection: the first request after the restart is served.
    const back = await timed(() => countLocations("broken"));
    expect(back.value).toBe(1);
  });
});

describe("the central database restarts or goes silent", () => {
  it("keeps serving clinics this process has looked up, and refuses unknown ones within the timeouts", async () => {
    await startRegistry({ lookupTtlMs: 200 });
    expect(await countLocations("healthy")).toBe(1);

    await centralProxy.setMode("blackhole");
    // The row's TTL passes: it is kept, unconfirmed, because nobody can change it while the central database is down.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const known = await timed(() => countLocations("healthy"));
    expect(known.value).toBe(1);
    expect(known.ms).toBeLessThan(ANSWER_WITHIN_MS);
    const unknown = await timed(() => countLocations("broken"));
    expect(unknown.error).toMatchObject({
      code: "UNAVAILABLE",
      message: centralDatabaseUnavailableError().message,
    });
    expect(unknown.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(registry.lookup.staleAnswers).toBeGreaterThan(0);

    await centralProxy.setMode("pass");
    await eventually(async () => expect(await countLocations("broken")).toBe(1));
  });

  it("reconnects its LISTEN after a restart and drops every cached clinic row", async () => {
    await startRegistry({ lookupTtlMs: 60_000 });
    const listener = registry.listener;
    await countLocations("healthy");
    await countLocations("broken");
    const misses = registry.lookup.misses;
    await countLocations("healthy");
    expect(registry.lookup.misses).toBe(misses);

    await centralProxy.setMode("refuse");
    await eventually(() => expect(listener?.listening).toBe(false));
    await centralProxy.setMode("pass");
    await eventually(() => expect(listener?.connections).toBe(2));

    await countLocations("healthy");
    await countLocations("broken");
    expect(registry.lookup.misses).toBe(misses + 2);
  });

  it("notices a blackholed LISTEN connection by its heartbeat and reconnects when the server answers", async () => {
    await startRegistry({ lookupTtlMs: 60_000 });
    const listener = registry.listener;
    await countLocations("healthy");
    const misses = registry.lookup.misses;

    await centralProxy.setMode("blackhole");
    // A heartbeat every keepAliveDelayMs, each given queryTimeoutMs to answer.
    await eventually(
      () => expect(listener?.listening).toBe(false),
      TIMEOUTS.keepAliveDelayMs + TIMEOUTS.queryTimeoutMs + 2_000,
    );
    await centralProxy.setMode("pass");
    await eventually(() => expect(listener?.connections).toBe(2), 15_000);
    await countLocations("healthy");
    expect(registry.lookup.misses).toBe(misses + 1);
  });
});
