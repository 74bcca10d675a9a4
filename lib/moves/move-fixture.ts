import type pg from "pg";
import { computeManifest, type Manifest } from "../backups/manifest";
import type { DatabaseServer } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import type { TestPlatform } from "../testing/platform";
import {
  registerEmbeddedServer,
  startThrowawayServer,
  type ThrowawayServer,
} from "../testing/throwaway-server";

export type ReplicaServer = ThrowawayServer & { server: DatabaseServer };

/** An embedded PostgreSQL with wal_level=logical (and `settings`), registered in the platform's central database. */
export async function startReplicaServer(
  platform: TestPlatform,
  name: string,
  port: number,
  settings: Record<string, string> = {},
): Promise<ReplicaServer> {
  const throwaway = await startThrowawayServer({
    label: `move-${name}`,
    port,
    onLog: (line) => {
      if (process.env.MOVE_TEST_LOG && /ERROR|FATAL/.test(line)) console.error(`[${name}] ${line.trim()}`);
    },
    settings: { wal_level: "logical", max_replication_slots: "10", max_wal_senders: "10", ...settings },
  });
  const server = await registerEmbeddedServer(platform.central, throwaway.embedded, { name });
  return { ...throwaway, server };
}

export async function stopReplicaServer(replica: ReplicaServer | undefined): Promise<void> {
  await replica?.stop();
}

/** Provisions a clinic on `server` (every other server set to draining meanwhile). */
export async function provisionOn(platform: TestPlatform, server: DatabaseServer, subdomain: string) {
  const { central } = platform;
  await central.databaseServer.updateMany({
    where: { id: { not: server.id } },
    data: { status: "DRAINING" },
  });
  try {
    const service = new ClinicDatabaseService({ central, env: platform.env });
    return await service.provisionClinic({
      name: `${subdomain} clinic`,
      subdomain,
      ownerId: platform.owner.id,
    });
  } finally {
    await central.databaseServer.updateMany({ data: { status: "ACTIVE" } });
  }
}

/** The manifest of a database, read by the admin (a fenced one is opened for the read only). */
export function manifestOf(server: DatabaseServer, database: string): Promise<Manifest> {
  return withAdminClient(server, "postgres", async (admin) => {
    const closed = await isClosed(admin, database);
    if (closed) await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    try {
      return await withAdminClient(server, database, async (client) => {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
          return await computeManifest(client);
        } finally {
          await client.query("ROLLBACK");
        }
      });
    } finally {
      if (closed) await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    }
  });
}

async function isClosed(admin: pg.Client, database: string): Promise<boolean> {
  const { rows } = await admin.query<{ allowed: boolean }>(
    "SELECT datallowconn AS allowed FROM pg_database WHERE datname = $1",
    [database],
  );
  return rows[0]?.allowed === false;
}

/** What the move left on a server: databases and roles named like the clinic's, slots, publications, subscriptions. */
export function leftoversOn(server: DatabaseServer, names: { databaseName: string; roleName: string }) {
  return withAdminClient(server, "postgres", async (admin) => {
    const q = async (sql: string, values: unknown[] = []) =>
      (await admin.query<{ name: string }>(sql, values)).rows.map((row) => row.name);
    return {
      databases: await q("SELECT datname AS name FROM pg_database WHERE datname LIKE $1", [
        `${names.databaseName}%`,
      ]),
      roles: await q(
        "SELECT rolname AS name FROM pg_roles WHERE rolname = $1 OR rolname LIKE '%clinic_move_%'",
        [names.roleName],
      ),
      slots: await q("SELECT slot_name AS name FROM pg_replication_slots"),
      subscriptions: await q("SELECT subname AS name FROM pg_subscription"),
    };
  });
}
