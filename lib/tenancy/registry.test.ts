import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CentralDb, createCentralClient } from "../db/central";
import { centralDatabaseUnavailableError, clinicDatabaseUnavailableError } from "../db/database-unavailable";
import { withDatabaseName } from "../db/database-url";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService } from "./clinic-database-service";
import { quoteIdent } from "./names";
import { type TenantDb, TenantRegistry, type TenantRegistryOptions } from "./registry";
import { decryptSecret } from "./secrets";
import { clinicConnectionUrl } from "./servers";

let platform: TestPlatform;
/** clinic-a … clinic-x, provisioned once for the file: the isolation tests need 20 or more. */
let clinics: Clinic[];
let registry: TenantRegistry | undefined;
let otherProcess: CentralDb | undefined;
let logged: string[];
const CLINIC_UNAVAILABLE = clinicDatabaseUnavailableError().message;
const CENTRAL_UNAVAILABLE = centralDatabaseUnavailableError().message;

// One platform for the file keeps it fast (a platform and its clinics take seconds); each test
// starts from the clinics as provisioned and closes its own registry.
beforeAll(async () => {
  platform = await createTestPlatform();
  clinics = await provisionClinics(24);
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
});

beforeEach(async () => {
  logged = [];
  for (const clinic of clinics) {
    const { status, statusReason, rolePasswordEncrypted } = clinic;
    await platform.central.clinic.update({
      where: { id: clinic.id },
      data: { status, statusReason, rolePasswordEncrypted },
    });
  }
});

afterEach(async () => {
  await registry?.close();
  registry = undefined;
  await otherProcess?.$disconnect();
  otherProcess = undefined;
});

function createRegistry(options: Partial<TenantRegistryOptions> = {}): TenantRegistry {
  registry = new TenantRegistry({
    central: platform.central,
    centralUrl: platform.centralUrl,
    budget: 4,
    poolMax: 2,
    waitTimeoutMs: 5_000,
    log: (line) => logged.push(line),
    ...options,
  });
  return registry;
}

async function provisionClinics(count: number): Promise<Clinic[]> {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const provision = (index: number) =>
    service.provisionClinic({
      name: `Clinic ${index}`,
      subdomain: `clinic-${String.fromCharCode(97 + index)}`,
      ownerId: platform.owner.id,
    });
  // The first builds the template database; the others are copied from it, a few at a time.
  const provisioned = [await provision(0)];
  for (let index = 1; index < count; index += 4) {
    const batch = Array.from({ length: Math.min(4, count - index) }, (_, offset) =>
      provision(index + offset),
    );
    provisioned.push(...(await Promise.all(batch)));
  }
  return provisioned;
}

/** The provisioned clinics, as many as a test needs. */
function pick<N extends number>(count: N): Clinics<N> {
  return clinics.slice(0, count) as Clinics<N>;
}

type Clinics<N extends number, T extends Clinic[] = []> = T["length"] extends N
  ? T
  : Clinics<N, [...T, Clinic]>;

/** Sessions the clinics' own roles hold on the server right now. */
async function tenantSessions(): Promise<number> {
  const like = `${platform.prefix.replaceAll("_", "\\_")}%`;
  const result = await adminQuery<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE usename LIKE $1",
    [like],
  );
  return Number(result.rows[0]?.count);
}

/** Sessions on each of these clinics' databases right now. */
async function sessionsOf(...of: Clinic[]): Promise<number[]> {
  const result = await adminQuery<{ datname: string; count: string }>(
    "SELECT datname, count(*) FROM pg_stat_activity WHERE datname = ANY($1) GROUP BY datname",
    [of.map((clinic) => clinic.databaseName)],
  );
  return of.map((clinic) =>
    Number(result.rows.find((row) => row.datname === clinic.databaseName)?.count ?? 0),
  );
}

/** One request's read of the clinic's settings row, which carries the clinic's own name. */
function readSettings(tenants: TenantRegistry, clinic: Clinic) {
  return tenants.withTenantDb(clinic.subdomain, (db) => db.clinicSetting.findUnique({ where: { id: 1 } }));
}

/** Polls until `check` passes (at most `ms`), so waits on other processes stay short and certain. */
async function eventually(check: () => Promise<void> | void, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Bytes of live heap after a full collection. */
function heapAfterFullGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as () => void;
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("TenantRegistry under its connection budget", () => {
  it("serves 24 clinics in turn, keeping all their clients warm, without ever holding more than B connections", async () => {
    const budget = 4;
    const tenants = createRegistry({ budget, poolMax: 2 });

    let sampling = true;
    let peakSessions = 0;
    let peakReported = 0;
    const sampler = (async () => {
      while (sampling) {
        peakSessions = Math.max(peakSessions, await tenantSessions());
        peakReported = Math.max(peakReported, tenants.metrics().openConnections);
      }
    })();

    const reached: string[] = [];
    for (let round = 0; round < 3; round++) {
      const queue = [...clinics];
      const worker = async () => {
        for (let clinic = queue.shift(); clinic; clinic = queue.shift()) {
          const subdomain = clinic.subdomain;
          // Two queries at once, so each clinic's pool really opens both of its connections.
          const [[database], settings] = await tenants.withTenantDb(subdomain, (db) =>
            Promise.all([
              db.$queryRaw<[{ name: string }]>`SELECT current_database() AS name, pg_sleep(0.005)::text`,
              db.clinicSetting.findFirst(),
            ]),
          );
          expect(database.name).toBe(clinic.databaseName);
          expect(settings?.name).toBe(clinic.name);
          reached.push(subdomain);
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
    }
    sampling = false;
    await sampler;

    expect(reached).toHaveLength(3 * clinics.length);
    expect(peakSessions).toBeGreaterThan(0);
    expect(peakSessions).toBeLessThanOrEqual(budget);
    expect(peakReported).toBeLessThanOrEqual(budget);
    const metrics = tenants.metrics();
    // Every clinic's client was made once and kept; connections moved between clinics.
    expect(metrics).toMatchObject({
      cachedClients: 24,
      clientMisses: 24,
      clientHits: 48,
      clientEvictions: 0,
    });
    expect(metrics.connectedClients).toBeLessThanOrEqual(budget / 2);
    expect(metrics.connectionHits + metrics.connectionMisses).toBe(3 * clinics.length);
    expect(metrics.connectionEvictions).toBeGreaterThanOrEqual(clinics.length);
    expect(metrics).toMatchObject({
      budget,
      poolMax: 2,
      clientCache: 300,
      waitTimeouts: 0,
      leasedClients: 0,
    });
    expect(metrics.waits).toBeGreaterThan(0);
  });

  it("keeps a warm clinic client in well under 1 MB of heap, the engine being shared (scripts/share-prisma-engine.ts)", async () => {
    const tenants = createRegistry({ budget: 2, poolMax: 1 });
    const [first, ...rest] = clinics as [Clinic, ...Clinic[]];
    const visit = (subdomain: string) =>
      tenants.withTenantDb(subdomain, (db) => db.clinicSetting.findFirst());
    await visit(first.subdomain);
    const before = heapAfterFullGc();
    for (const clinic of rest) await visit(clinic.subdomain);
    const perClient = (heapAfterFullGc() - before) / rest.length;
    expect(tenants.metrics().cachedClients).toBe(clinics.length);
    // Measured ≈ 25 KB; a client that decoded the schema for itself held ≈ 3.6 MB.
    expect(perClient).toBeLessThan(512 * 1024);
  });

  it("closes the idle connection of the clinic used least lately for another clinic, keeping its client warm", async () => {
    const [first, second, third] = pick(3);
    const tenants = createRegistry({ budget: 2, poolMax: 1 });
    for (const clinic of [first, second, first])
      expect((await readSettings(tenants, clinic))?.name).toBe(clinic.name);
    expect(await sessionsOf(first, second, third)).toEqual([1, 1, 0]);

    // The budget is full: the second clinic, asked once, gives up its connection.
    expect((await readSettings(tenants, third))?.name).toBe(third.name);
    await eventually(async () => expect(await sessionsOf(first, second, third)).toEqual([1, 0, 1]));
    expect(tenants.metrics()).toMatchObject({
      cachedClients: 3,
      connectedClients: 2,
      clientMisses: 3,
      connectionEvictions: 1,
    });

    // Its client is still warm: only a connection is opened. The first clinic, asked twice, keeps its
    // connection although the third was asked more recently (under skewed traffic, the busy clinics).
    expect((await readSettings(tenants, second))?.name).toBe(second.name);
    await eventually(async () => expect(await sessionsOf(first, second, third)).toEqual([1, 1, 0]));
    expect(tenants.metrics()).toMatchObject({ clientMisses: 3, clientHits: 2, connectionMisses: 4 });

    // Asked as often, the least recently used goes: now the first clinic.
    expect((await readSettings(tenants, third))?.name).toBe(third.name);
    await eventually(async () => expect(await sessionsOf(first, second, third)).toEqual([0, 1, 1]));
    expect(await tenantSessions()).toBeLessThanOrEqual(2);
  });

  it("keeps at most TENANT_CLIENT_CACHE clients, closing the least recently used idle one", async () => {
    const [first, second, third] = pick(3);
    const tenants = createRegistry({ budget: 4, poolMax: 1, clientCache: 2 });
    for (const clinic of [first, second, third]) await readSettings(tenants, clinic);
    await eventually(async () => expect(await sessionsOf(first, second, third)).toEqual([0, 1, 1]));
    expect(tenants.metrics()).toMatchObject({ cachedClients: 2, clientEvictions: 1, clientMisses: 3 });

    expect((await readSettings(tenants, first))?.name).toBe(first.name);
    expect(tenants.metrics()).toMatchObject({ cachedClients: 2, clientEvictions: 2, clientMisses: 4 });
  });

  it("refuses a query left running after its request once the clinic's connection went to another", async () => {
    const [first, second] = pick(2);
    const tenants = createRegistry({ budget: 1, poolMax: 1 });
    let kept: TenantDb | undefined;
    await tenants.withTenantDb(first.subdomain, async (db) => {
      kept = db;
      return db.location.count();
    });
    expect((await readSettings(tenants, second))?.name).toBe(second.name);
    await eventually(async () => expect(await sessionsOf(first, second)).toEqual([0, 1]));

    await expect(kept?.location.count()).rejects.toThrow(/no connection slot now/);
    expect(await sessionsOf(first, second)).toEqual([0, 1]);
  });

  it("makes a request wait while every connection is in use, then answers busy or serves it when one frees", async () => {
    const [first, second, third] = pick(3);
    const tenants = createRegistry({ budget: 2, poolMax: 1, waitTimeoutMs: 300 });
    const held = deferred();
    const leases = [first, second].map((clinic) =>
      tenants.withTenantDb(clinic.subdomain, () => held.promise),
    );
    await eventually(() => expect(tenants.metrics().leasedClients).toBe(2));

    const startedAt = Date.now();
    const busy = await rejectionOf(tenants.withTenantDb(third.subdomain, async () => "never"));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(busy).toMatchObject({
      code: "UNAVAILABLE",
      message: "The clinic service is busy right now. Please try again in a moment.",
    });

    const waiting = tenants.withTenantDb(third.subdomain, async (db) => {
      const [row] = await db.$queryRaw<[{ name: string }]>`SELECT current_database() AS name`;
      return row.name;
    });
    await eventually(() => expect(tenants.metrics().waiting).toBe(1));
    held.resolve();
    await Promise.all(leases);
    expect(await waiting).toBe(third.databaseName);
    expect(tenants.metrics()).toMatchObject({
      waits: 2,
      waitTimeouts: 1,
      connectionEvictions: 1,
      connectedClients: 2,
      cachedClients: 3,
      clientMisses: 3,
    });
  });

  it("closes connections nobody used for the idle TTL, and keeps the client warm", async () => {
    const [clinic] = pick(1);
    const tenants = createRegistry({ idleTtlMs: 100 });
    await tenants.withTenantDb(clinic.subdomain, (db) => db.location.count());
    expect(tenants.metrics()).toMatchObject({ cachedClients: 1, connectedClients: 1 });
    await eventually(async () => {
      expect(tenants.metrics()).toMatchObject({ cachedClients: 1, connectedClients: 0, openConnections: 0 });
      expect(await tenantSessions()).toBe(0);
    });
    expect(await tenants.withTenantDb(clinic.subdomain, (db) => db.location.count())).toBe(1);
    expect(tenants.metrics()).toMatchObject({ clientMisses: 1, clientHits: 1, connectionMisses: 2 });
  });
});

describe("TenantRegistry isolation between clinics", () => {
  it("answers each of 24 clinics from its own database when their findUniques are sent in the same tick", async () => {
    const tenants = createRegistry({ budget: clinics.length, poolMax: 1 });
    for (let round = 0; round < 3; round++) {
      const sent = deferred();
      // Three requests per clinic, interleaved a, b, … x, a, b, …; each waits with its lease held,
      // then all findUniques go out in one tick, where Prisma batches same-shape queries.
      const requests = [0, 1, 2].flatMap(() =>
        clinics.map((clinic) =>
          tenants.withTenantDb(clinic.subdomain, async (db) => {
            await sent.promise;
            const [settings, [database]] = await Promise.all([
              db.clinicSetting.findUnique({ where: { id: 1 } }),
              db.$queryRaw<[{ name: string }]>`SELECT current_database() AS name`,
            ]);
            return { clinic, name: settings?.name, database: database.name };
          }),
        ),
      );
      await eventually(() => expect(tenants.metrics().leasedClients).toBe(clinics.length));
      sent.resolve();
      for (const answer of await Promise.all(requests)) {
        expect(answer).toEqual({
          clinic: answer.clinic,
          name: answer.clinic.name,
          database: answer.clinic.databaseName,
        });
      }
    }
  });

  it("answers every clinic from its own database while connections move between clinics at high concurrency", async () => {
    const tenants = createRegistry({ budget: 6, poolMax: 1, waitTimeoutMs: 30_000 });
    // 10 rounds over 24 clinics at once, interleaved; only 6 of them hold a connection at a time.
    const requests = Array.from({ length: 10 }, () => clinics).flat();
    const answers = await Promise.all(
      requests.map(async (clinic) => ({ clinic, settings: await readSettings(tenants, clinic) })),
    );
    for (const { clinic, settings } of answers) expect(settings?.name).toBe(clinic.name);
    const metrics = tenants.metrics();
    expect(metrics.connectionEvictions).toBeGreaterThan(0);
    expect(metrics.clientMisses).toBe(clinics.length);
  });
});

describe("TenantRegistry clinic lookups", () => {
  it("sees a status change made by another process through NOTIFY, and closes that clinic's pool", async () => {
    const [clinic] = pick(1);
    const subdomain = clinic.subdomain;
    // A lookup TTL far beyond the test: only the notification can make the change visible.
    const tenants = createRegistry({ lookupTtlMs: 60_000 });
    await tenants.startListening();
    await tenants.withTenantDb(subdomain, (db) => db.location.count());
    expect(await tenantSessions()).toBeGreaterThan(0);

    otherProcess = createCentralClient(platform.centralUrl, 1);
    await otherProcess.clinic.update({ where: { subdomain }, data: { status: "SUSPENDED" } });

    await eventually(async () =>
      expect(await tenants.resolveClinic(subdomain)).toMatchObject({ status: "SUSPENDED" }),
    );
    expect(await rejectionOf(tenants.withTenantDb(subdomain, async () => "never"))).toMatchObject({
      code: "UNAVAILABLE",
      message: "This clinic is suspended. Please contact the clinic's administrator.",
    });
    await eventually(async () => {
      expect(tenants.metrics()).toMatchObject({ cachedClients: 0, openConnections: 0 });
      expect(await tenantSessions()).toBe(0);
    });

    await otherProcess.clinic.update({ where: { subdomain }, data: { status: "ACTIVE" } });
    await eventually(async () =>
      expect(await tenants.resolveClinic(subdomain)).toMatchObject({ status: "ACTIVE" }),
    );
    expect(await tenants.withTenantDb(subdomain, (db) => db.location.count())).toBe(1);
  });

  it("closes a leased client only when its lease ends after an invalidation", async () => {
    const [clinic] = pick(1);
    const tenants = createRegistry();
    const held = deferred();
    const lease = tenants.withTenantDb(clinic.subdomain, async (db) => {
      await held.promise;
      return db.location.count();
    });
    await eventually(() => expect(tenants.metrics().leasedClients).toBe(1));

    tenants.invalidateClinic(clinic.subdomain);
    expect(tenants.metrics()).toMatchObject({ cachedClients: 0, leasedClients: 1 });
    held.resolve();
    expect(await lease).toBe(1);
    await eventually(() => expect(tenants.metrics()).toMatchObject({ leasedClients: 0, openConnections: 0 }));
  });

  it("runs a request refused by a move's fencing again on the clinic's new database, once the row names it", async () => {
    const clinic = clinics[11] as Clinic;
    const { subdomain, databaseName } = clinic;
    const moved = `${databaseName}_moved`;
    const tenants = createRegistry({ lookupTtlMs: 60_000 });
    await tenants.startListening();
    await tenants.withTenantDb(subdomain, (db) => db.location.count());
    otherProcess = createCentralClient(platform.centralUrl, 1);
    try {
      // The cut-over: the old database closes and its sessions end, then the row names the new one.
      await adminQuery(`ALTER DATABASE ${quoteIdent(databaseName)} WITH ALLOW_CONNECTIONS false`);
      await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [
        databaseName,
      ]);
      const started = Date.now();
      const request = tenants.withTenantDb(subdomain, async (db) => {
        const [row] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
        return { name: row?.name, locations: await db.location.count() };
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await adminQuery(`CREATE DATABASE ${quoteIdent(moved)} TEMPLATE ${quoteIdent(databaseName)}`);
      await otherProcess.clinic.update({ where: { subdomain }, data: { databaseName: moved } });

      expect(await request).toEqual({ name: moved, locations: 1 });
      // Followed on the notification, not after the old database's whole wait (SWAP_WAIT_MS, 3 s).
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await platform.central.clinic.update({ where: { subdomain }, data: { databaseName } });
      await adminQuery(`ALTER DATABASE ${quoteIdent(databaseName)} WITH ALLOW_CONNECTIONS true`);
      await tenants.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${quoteIdent(moved)} WITH (FORCE)`);
    }
  });

  it("drops every cached lookup when the listener reconnects, since notifications were missed", async () => {
    const [clinic] = pick(1);
    const subdomain = clinic.subdomain;
    const tenants = createRegistry({ lookupTtlMs: 60_000 });
    await tenants.startListening();
    expect(await tenants.resolveClinic(subdomain)).toMatchObject({ status: "ACTIVE" });

    const central = new URL(platform.centralUrl).pathname.slice(1);
    await adminQuery(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2",
      ["central-change-listener", central],
    );
    // Committed while nobody listens: the notification is lost.
    await adminQuery("ALTER TABLE clinics DISABLE TRIGGER clinics_notify_changed", [], platform.centralUrl);
    try {
      await platform.central.clinic.update({ where: { subdomain }, data: { status: "SUSPENDED" } });
    } finally {
      await adminQuery("ALTER TABLE clinics ENABLE TRIGGER clinics_notify_changed", [], platform.centralUrl);
    }

    await eventually(async () =>
      expect(await tenants.resolveClinic(subdomain)).toMatchObject({ status: "SUSPENDED" }),
    );
    expect(
      logged.some((line) => line.startsWith("[central-change-listener] lost the central database")),
    ).toBe(true);
  });

  it("tells unknown, deleted, suspended and not-yet-ready clinics apart, and never queries for an invalid name", async () => {
    const [active, suspended, provisioning, deleted] = pick(4);
    const tenants = createRegistry();
    const setStatus = (clinic: Clinic, status: Clinic["status"]) =>
      platform.central.clinic.update({ where: { id: clinic.id }, data: { status } });
    await setStatus(suspended, "SUSPENDED");
    await setStatus(provisioning, "PROVISIONING");
    await setStatus(deleted, "DELETED");

    expect(await tenants.resolveClinic(active.subdomain)).toEqual({
      id: active.id,
      name: active.name,
      subdomain: active.subdomain,
      status: "ACTIVE",
      statusReason: null,
    });
    expect(await tenants.resolveClinic(suspended.subdomain)).toMatchObject({ status: "SUSPENDED" });
    expect(await tenants.resolveClinic(provisioning.subdomain)).toMatchObject({ status: "PROVISIONING" });
    expect(await tenants.resolveClinic(deleted.subdomain)).toBeNull();
    expect(await tenants.resolveClinic("nobody-here")).toBeNull();

    expect(await rejectionOf(tenants.withTenantDb(suspended.subdomain, async () => "never"))).toMatchObject({
      code: "UNAVAILABLE",
    });
    expect(
      await rejectionOf(tenants.withTenantDb(provisioning.subdomain, async () => "never")),
    ).toMatchObject({
      code: "UNAVAILABLE",
      message: "This clinic is still being set up. Please try again in a few minutes.",
    });
    for (const subdomain of [deleted.subdomain, "nobody-here"]) {
      expect(await rejectionOf(tenants.withTenantDb(subdomain, async () => "never"))).toMatchObject({
        code: "NOT_FOUND",
        message: "No clinic at this address.",
      });
    }

    const lookupsBefore = tenants.lookup.misses + tenants.lookup.hits;
    for (const subdomain of ["Clinic-A", "www", "x", "a--b", "clinic_a", "../clinic-a", ""]) {
      expect(await tenants.resolveClinic(subdomain)).toBeNull();
      expect(await rejectionOf(tenants.withTenantDb(subdomain, async () => 1))).toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(tenants.lookup.misses + tenants.lookup.hits).toBe(lookupsBefore);
    expect(tenants.metrics()).toMatchObject({ cachedClients: 0, clientMisses: 0 });
  });

  it("shares one central query among concurrent lookups and caches unknown subdomains too", async () => {
    const [clinic] = pick(1);
    const tenants = createRegistry();
    // Once LISTEN is in place the registry forgets every row read before it (changes may have been
    // missed): counted before that, a slow connection could empty the cache between two lookups.
    await tenants.startListening();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => tenants.resolveClinic(clinic.subdomain)),
    );
    expect(new Set(answers.map((answer) => answer?.id))).toEqual(new Set([clinic.id]));
    expect(await tenants.resolveClinic("nobody-here")).toBeNull();
    expect(await tenants.resolveClinic("nobody-here")).toBeNull();
    expect(tenants.lookup).toMatchObject({ misses: 6, hits: 1 });
  });
});

describe("TenantRegistry connection checks", () => {
  it("refuses a client whose connection reaches another database than the clinic's", async () => {
    const [own, other] = pick(2);
    // Simulates a misrouted pooler: the clinic's URL leads into another clinic's database.
    const tenants = createRegistry({
      connectionUrl: (clinic, server) => clinicConnectionUrl(clinic.id === own.id ? other : clinic, server),
    });

    expect(await rejectionOf(tenants.withTenantDb(own.subdomain, async () => "leaked"))).toMatchObject({
      code: "UNAVAILABLE",
      message: CLINIC_UNAVAILABLE,
    });
    expect(logged).toEqual([
      `[tenant-registry] clinic ${own.subdomain}: refused a client that connected to database "${other.databaseName}" instead of "${own.databaseName}"`,
    ]);
    await eventually(() => expect(tenants.metrics()).toMatchObject({ cachedClients: 0, openConnections: 0 }));
    expect(await tenants.withTenantDb(other.subdomain, (db) => db.location.count())).toBe(1);
  });

  it("answers unavailable without secrets when the clinic's database refuses the connection", async () => {
    const [clinic] = pick(1);
    const role = quoteIdent(clinic.roleName);
    // Refused under any pg_hba method (trust included), as for a clinic suspended by another process.
    await adminQuery(`ALTER ROLE ${role} NOLOGIN`);
    try {
      const tenants = createRegistry();
      expect(await rejectionOf(tenants.withTenantDb(clinic.subdomain, async () => "never"))).toMatchObject({
        code: "UNAVAILABLE",
        message: CLINIC_UNAVAILABLE,
      });
      expect(tenants.metrics()).toMatchObject({ cachedClients: 0, leasedClients: 0 });
    } finally {
      await adminQuery(`ALTER ROLE ${role} LOGIN`);
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[tenant-registry\] clinic clinic-a: cannot open its database: 28000 /);
    const password = decryptSecret(clinic.rolePasswordEncrypted ?? "");
    expect(logged[0]).not.toContain(password);
    expect(logged[0]).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("answers unavailable, not a raw error, when the central database cannot be reached", async () => {
    otherProcess = createCentralClient(withDatabaseName(platform.centralUrl, "no_such_central_db"), 1);
    const tenants = createRegistry({ central: otherProcess, centralUrl: undefined });

    for (const attempt of [
      tenants.resolveClinic("clinic-a"),
      tenants.withTenantDb("clinic-a", async () => "never"),
    ]) {
      expect(await rejectionOf(attempt)).toMatchObject({
        code: "UNAVAILABLE",
        message: CENTRAL_UNAVAILABLE,
      });
    }
    expect(logged[0]).toBe(
      "[tenant-registry] clinic lookup failed: P1003 Database `no_such_central_db` does not exist on the database server",
    );
  });
});
