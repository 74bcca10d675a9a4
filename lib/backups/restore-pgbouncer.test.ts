import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateDatabaseServerAction } from "../actions/super/update-database-server";
import type { Clinic, User } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { TenantRegistry } from "../tenancy/registry";
import { decryptSecret, encryptSecret } from "../tenancy/secrets";
import { clinicRequestUrl } from "../tenancy/servers";
import { adminDatabaseUrl } from "../testing/databases";
import {
  createPgBouncerAuthUser,
  type PgBouncer,
  pgBouncerInstalled,
  startExamplePgBouncer,
} from "../testing/pgbouncer";
import { createProcessPlatform, type TestPlatform } from "../testing/platform";
import { createPlatformUser, platformCaller } from "../testing/platform-users";
import { BackupService } from "./backup-service";

let platform: TestPlatform;
let bouncer: PgBouncer;
let superAdmin: User;
let clinic: Clinic;
let service: BackupService;
let dir: string;

const saveServer = (console: { user: string; password: string }) =>
  platformCaller(platform.central).callAs(superAdmin, updateDatabaseServerAction, {
    serverId: platform.server.id,
    capacity: platform.server.capacity,
    status: platform.server.status,
    poolerHost: "127.0.0.1",
    poolerPort: bouncer.port,
    poolerAdminUser: console.user,
    poolerAdminPassword: console.password,
  });

/** The server row names PgBouncer and its console user, as the edit form saves them. */
async function useConsole() {
  await platform.central.databaseServer.update({
    where: { id: platform.server.id },
    data: {
      poolerHost: "127.0.0.1",
      poolerPort: bouncer.port,
      poolerAdminUser: bouncer.console.user,
      poolerAdminPasswordEncrypted: encryptSecret(bouncer.console.password),
    },
  });
}

/** PgBouncer's databases it holds paused now (SHOW DATABASES' paused column). */
async function pausedAtBouncer(): Promise<string[]> {
  const { rows } = await bouncer.admin("SHOW DATABASES");
  return rows.filter((row) => Number(row.paused) === 1).map((row) => String(row.name));
}

describe.skipIf(!pgBouncerInstalled())("a restore's swap behind the server's PgBouncer", () => {
  beforeAll(async () => {
    platform = await createProcessPlatform();
    superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    dir = await mkdtemp(path.join(tmpdir(), "restore-pgbouncer-"));
    const env = {
      ...platform.env,
      BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`,
      BACKUP_DIR: path.join(dir, "backups"),
    };
    clinic = await new ClinicDatabaseService({ central: platform.central, env }).provisionClinic({
      name: "Paused",
      subdomain: "paused",
      ownerId: platform.owner.id,
    });
    service = new BackupService({ central: platform.central, env });
    const authUser = await createPgBouncerAuthUser(adminDatabaseUrl(), platform.prefix);
    const server = { host: platform.server.host, port: platform.server.port };
    bouncer = await startExamplePgBouncer({ server, authUser });
    process.env.DATABASE_SERVER_HOSTS = `${server.host}:${server.port},127.0.0.1:${bouncer.port}`;
  }, 120_000);

  afterAll(async () => {
    delete process.env.DATABASE_SERVER_HOSTS;
    await bouncer?.stop();
    await platform?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it("saves a console user only once PgBouncer lets it in, keeps its password encrypted and out of the audit", async () => {
    const refused = await saveServer({ user: bouncer.console.user, password: "not-the-password" });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { poolerAdminUser: expect.any(String) } },
    });
    expect(JSON.stringify(refused)).toContain("refused");

    expect(await saveServer(bouncer.console)).toEqual({ ok: true, data: undefined });
    const row = await platform.central.databaseServer.findUniqueOrThrow({
      where: { id: platform.server.id },
    });
    expect(row.poolerAdminUser).toBe(bouncer.console.user);
    expect(row.poolerAdminPasswordEncrypted).not.toContain(bouncer.console.password);
    expect(decryptSecret(row.poolerAdminPasswordEncrypted ?? "")).toBe(bouncer.console.password);
    const audits = await platform.central.auditEvent.findMany({
      where: { action: "database-server.updated" },
    });
    expect(JSON.stringify(audits)).not.toContain(bouncer.console.password);
    expect(audits.at(-1)?.details).toMatchObject({ poolerConsoleUser: bouncer.console.user });

    // An empty password keeps the saved one for the same user.
    expect(await saveServer({ user: bouncer.console.user, password: "" })).toEqual({
      ok: true,
      data: undefined,
    });
  });

  it("pauses the clinic's database at PgBouncer for the swap: requests through it wait, none fails", async () => {
    await useConsole();
    const backup = await service.backupClinic("paused");
    const registry = new TenantRegistry({ central: platform.central, budget: 6, poolMax: 3, log: () => {} });
    let stop = false;
    let answered = 0;
    const failures: string[] = [];
    const readers = Array.from({ length: 6 }, async () => {
      while (!stop) {
        await registry
          .withTenantDb("paused", (db) => db.location.count())
          .then(
            () => answered++,
            (error: unknown) => failures.push(String(error)),
          );
      }
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const outcome = await service.restoreClinic("paused", { backupId: backup.id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      stop = true;
      await Promise.all(readers);
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(20);
      expect(outcome.suspendedMs).toBeLessThan(2_000);
      expect(await pausedAtBouncer()).toEqual([]);
      // The swap went through PgBouncer's console, not around it.
      expect(await bouncer.log()).toContain(`PAUSE '${clinic.databaseName}' command issued`);
    } finally {
      stop = true;
      await Promise.all(readers);
      await registry.close();
    }
  }, 120_000);

  it("refuses the swap when a transaction keeps PgBouncer from pausing, and leaves the clinic serving", async () => {
    await useConsole();
    const backup = await service.backupClinic("paused");
    const server = await platform.central.databaseServer.findUniqueOrThrow({
      where: { id: platform.server.id },
    });
    const holder = new pg.Client({ connectionString: clinicRequestUrl(clinic, server) });
    holder.on("error", () => {});
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1");
      const outcome = await service.restoreClinic("paused", { backupId: backup.id }).catch((error) => error);
      expect(String(outcome)).toContain("PgBouncer could not pause the clinic's database within 5 s");
      expect(await pausedAtBouncer()).toEqual([]);
      await holder.query("COMMIT");
      const registry = new TenantRegistry({
        central: platform.central,
        budget: 2,
        poolMax: 1,
        log: () => {},
      });
      try {
        expect(await registry.withTenantDb("paused", (db) => db.location.count())).toBe(1);
      } finally {
        await registry.close();
      }
    } finally {
      await holder.end().catch(() => {});
    }
  }, 120_000);
});
