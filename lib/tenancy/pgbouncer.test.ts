import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateDatabaseServerAction } from "../actions/super/update-database-server";
import type { Clinic, DatabaseServer, User } from "../generated/central/client";
import { adminDatabaseUrl } from "../testing/databases";
import {
  createPgBouncerAuthUser,
  PGBOUNCER,
  PGBOUNCER_INSTALL,
  type PgBouncer,
  pgBouncerInstalled,
  startExamplePgBouncer,
} from "../testing/pgbouncer";
import { createProcessPlatform, type TestPlatform } from "../testing/platform";
import { createPlatformUser, platformCaller } from "../testing/platform-users";
import { openClinicClient } from "./clinic-client";
import { ClinicDatabaseService } from "./clinic-database-service";
import { TenantRegistry } from "./registry";

const installed = pgBouncerInstalled();
if (!installed) {
  console.warn(
    `[pgbouncer] ${PGBOUNCER} is missing, so the PgBouncer tests are skipped: ${PGBOUNCER_INSTALL}`,
  );
}

let platform: TestPlatform;
let bouncer: PgBouncer;
let misrouting: PgBouncer;
let superAdmin: User;
let pooled: Clinic;
let plain: Clinic;
let registry: TenantRegistry;
const logged: string[] = [];

const savePooler = (server: DatabaseServer, poolerHost: string, poolerPort: number) =>
  platformCaller(platform.central).callAs(superAdmin, updateDatabaseServerAction, {
    serverId: server.id,
    capacity: server.capacity,
    status: server.status,
    poolerHost,
    poolerPort,
  });

/** The databases and application names of PgBouncer's clients now. */
async function bouncerClients(): Promise<{ database: string; application: string }[]> {
  const { rows } = await bouncer.admin("SHOW CLIENTS");
  return rows.map((row) => ({ database: row.database, application: row.application_name }));
}

describe.skipIf(!installed)("clinic requests through a database server's PgBouncer", () => {
  beforeAll(async () => {
    platform = await createProcessPlatform();
    superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    pooled = await service.provisionClinic({
      name: "Pooled",
      subdomain: "pooled",
      ownerId: platform.owner.id,
    });
    plain = await service.provisionClinic({ name: "Plain", subdomain: "plain", ownerId: platform.owner.id });
    // A second row for the same PostgreSQL, without a pooler: "plain" lives there.
    const direct = await platform.central.databaseServer.create({
      data: { name: "direct", host: platform.server.host, port: platform.server.port, adminUser: "postgres" },
    });
    await platform.central.clinic.update({ where: { id: plain.id }, data: { databaseServerId: direct.id } });

    const authUser = await createPgBouncerAuthUser(adminDatabaseUrl(), platform.prefix);
    const server = { host: platform.server.host, port: platform.server.port };
    bouncer = await startExamplePgBouncer({ server, authUser });
    // Sends every clinic to the server's own `postgres` database, which the clinic roles may enter.
    misrouting = await startExamplePgBouncer({
      server,
      authUser,
      settings: { "*": `host=${server.host} port=${server.port} dbname=postgres` },
    });
    process.env.DATABASE_SERVER_HOSTS = [server.port, bouncer.port, misrouting.port]
      .map((port) => `${server.host}:${port}`)
      .join(",");
    registry = new TenantRegistry({
      central: platform.central,
      budget: 4,
      poolMax: 2,
      lookupTtlMs: 100,
      log: (line) => logged.push(line),
    });
  });

  afterAll(async () => {
    delete process.env.DATABASE_SERVER_HOSTS;
    await registry?.close();
    await bouncer?.stop();
    await misrouting?.stop();
    await platform?.cleanup();
  });

  it("refuses a pooler that sends the clinic to another database, tested through one of the server's clinics", async () => {
    const result = await savePooler(platform.server, platform.server.host, misrouting.port);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID" } });
    expect(JSON.stringify(result)).toContain("answered from another database than clinic pooled's");
    const row = await platform.central.databaseServer.findUniqueOrThrow({
      where: { id: platform.server.id },
    });
    expect(row).toMatchObject({ poolerHost: null, poolerPort: null });
  });

  it("refuses a pooler address the operator did not list, connecting nowhere", async () => {
    const result = await savePooler(platform.server, "10.255.255.1", 6432);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { poolerHost: "Not in DATABASE_SERVER_HOSTS." } },
    });
  });

  it("saves a pooler that reaches the clinic's own database, and audits it", async () => {
    expect(await savePooler(platform.server, platform.server.host, bouncer.port)).toEqual({
      ok: true,
      data: undefined,
    });
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "database-server.updated", targetId: platform.server.id },
    });
    expect(audit.details).toMatchObject({ poolerBefore: null, pooler: `127.0.0.1:${bouncer.port}` });
  });

  it("serves reads, writes and an interactive transaction through it in transaction mode", async () => {
    const answer = await registry.withTenantDb("pooled", async (db) => {
      const [where] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
      const before = await db.location.count();
      const moved = await db.$transaction(async (tx) => {
        const location = await tx.location.create({ data: { name: "Annex" } });
        const renamed = await tx.location.update({
          where: { id: location.id },
          data: { name: "North annex" },
        });
        return { renamed: renamed.name, inside: await tx.location.count() };
      });
      return { database: where?.name, before, ...moved, after: await db.location.count() };
    });
    expect(answer).toEqual({
      database: pooled.databaseName,
      before: 1,
      renamed: "North annex",
      inside: 2,
      after: 2,
    });
    expect(await bouncerClients()).toContainEqual({
      database: pooled.databaseName,
      application: "clinic-tenant-registry",
    });
    const { rows: pools } = await bouncer.admin("SHOW POOLS");
    expect(pools.find((pool) => pool.database === pooled.databaseName)).toMatchObject({
      user: pooled.roleName,
      pool_mode: "transaction",
    });
  });

  it("runs the clinic's role with its statement and lock timeouts, which PgBouncer cannot pass on", async () => {
    const shown = await registry.withTenantDb("pooled", async (db) => ({
      statement: await db.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`,
      lock: await db.$queryRaw<{ lock_timeout: string }[]>`SHOW lock_timeout`,
    }));
    expect(shown).toEqual({ statement: [{ statement_timeout: "10s" }], lock: [{ lock_timeout: "5s" }] });
  });

  it("keeps a clinic on a server without a pooler, and one-off clients, connecting directly", async () => {
    const database = await registry.withTenantDb("plain", async (db) => {
      const [where] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
      return where?.name;
    });
    expect(database).toBe(plain.databaseName);
    const oneOff = await openClinicClient({ central: platform.central, subdomain: "pooled" });
    try {
      // Its own startup option, longer than the role's: seeding and scripts run bulk statements.
      expect(await oneOff.db.$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: "2min" }]);
      const clients = await bouncerClients();
      expect(clients.map((client) => client.database)).not.toContain(plain.databaseName);
      expect(clients.map((client) => client.application)).not.toContain("clinic-one-off-client");
    } finally {
      await oneOff.close();
    }
  });

  it("refuses a client the pooler connected to another database (the registry's current_database() check)", async () => {
    await platform.central.databaseServer.update({
      where: { id: platform.server.id },
      data: { poolerPort: misrouting.port },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const outcome = await registry
      .withTenantDb("pooled", (db) => db.location.count())
      .catch((error) => error);
    expect(outcome).toMatchObject({ code: "UNAVAILABLE" });
    expect(logged.join("\n")).toContain('connected to database "postgres" instead of');
  });

  it("sends requests to the server itself again once the pooler is removed", async () => {
    expect(await savePooler(platform.server, "", 6432)).toEqual({ ok: true, data: undefined });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await registry.withTenantDb("pooled", (db) => db.location.count())).toBe(2);
    // The clients the registry retired hang up on PgBouncer once their last query is answered.
    const until = Date.now() + 5_000;
    while ((await bouncerClients()).some((client) => client.database === pooled.databaseName)) {
      expect(Date.now()).toBeLessThan(until);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
