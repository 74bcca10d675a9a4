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
import { TenantRegistry, type TenantRegistryOptions } from "./registry";
import { decryptSecret } from "./secrets";
import { clinicConnectionUrl } from "./servers";

let platform: TestPlatform;
/** clinic-a … clinic-l, provisioned once for the file: the budget test needs 3 × 4 of them. */
let clinics: Clinic[];
let registry: TenantRegistry | undefined;
let otherProcess: CentralDb | undefined;
let logged: string[];
const CLINIC_UNAVAILABLE = clinicDatabaseUnavailableError().message;
const CENTRAL_UNAVAILABLE = centralDatabaseUnavailableError().message;

// One platform for the file keeps it fast (a platform and twelve clinics take seconds); each test
// starts from the clinics as provisioned and closes its own registry.
beforeAll(async () => {
  platform = await createTestPlatform();
  clinics = await provisionClinics(12);
});

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
  it("serves 3×B clinics in turn without ever holding more than B tenant connections", async () => {
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
    expect(metrics.cachedClients).toBeLessThanOrEqual(budget / 2);
    expect(metrics.evictions).toBeGreaterThanOrEqual(3 * clinics.length - budget / 2);
    expect(metrics).toMatchObject({ budget, poolMax: 2, waitTimeouts: 0, leasedClients: 0 });
    expect(metrics.misses).toBe(metrics.evictions + metrics.cachedClients);
    expect(metrics.waits).toBeGreaterThan(0);
  });

  it("makes a request wait while every client is leased, then answers busy or serves it when one frees", async () => {
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
    expect(tenants.metrics()).toMatchObject({ waits: 2, waitTimeouts: 1, evictions: 1, cachedClients: 2 });
  });

  it("closes clients nobody used for the idle TTL", async () => {
    const [clinic] = pick(1);
    const tenants = createRegistry({ idleTtlMs: 100 });
    await tenants.withTenantDb(clinic.subdomain, (db) => db.location.count());
    expect(tenants.metrics().cachedClients).toBe(1);
    await eventually(async () => {
      expect(tenants.metrics()).toMatchObject({ cachedClients: 0, openConnections: 0 });
      expect(await tenantSessions()).toBe(0);
    });
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
    expect(tenants.metrics()).toMatchObject({ cachedClients: 0, misses: 0 });
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
