import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-server";
import type { DatabaseServer } from "../../lib/generated/central/client";
import { quoteIdent, quoteLiteral } from "../../lib/tenancy/names";
import { encryptSecret } from "../../lib/tenancy/secrets";
import { type PgBouncer, startExamplePgBouncer } from "../../lib/testing/pgbouncer";
import type { PlatformFixture } from "../../lib/testing/platform-fixture";
import { startConnectionSampler } from "./connection-sampler";

export type RoutingServer = {
  name: string;
  adminUrl: string;
  row: DatabaseServer;
  sampler?: Awaited<ReturnType<typeof startConnectionSampler>>;
  bouncer?: PgBouncer;
  stop(): Promise<void>;
};

/**
 * The platform's servers for the bench: its default one, and with `servers` 2 an embedded
 * PostgreSQL of the bench's own registered beside it; clinics are spread evenly (capacity).
 */
export async function prepareRoutingServers(options: {
  platform: PlatformFixture;
  adminUrl: string;
  servers: number;
  clinics: number;
}): Promise<RoutingServer[]> {
  const { platform } = options;
  const capacity = Math.ceil(options.clinics / options.servers);
  const first = await platform.central.databaseServer.update({
    where: { id: platform.server.id },
    data: { capacity },
  });
  const servers: RoutingServer[] = [
    { name: first.name, adminUrl: options.adminUrl, row: first, stop: async () => {} },
  ];
  for (let i = 2; i <= options.servers; i++)
    servers.push(await startExtraServer(platform, `bench-${i}`, capacity));
  return servers;
}

async function startExtraServer(platform: PlatformFixture, name: string, capacity: number) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `clinic-bench-${name}-`));
  await chmod(dataDir, 0o755);
  // Room for PgBouncer's idle server connections next to the app's budget.
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(59632),
    ephemeral: true,
    settings: { max_connections: "200" },
  });
  const url = new URL(embedded.adminUrl);
  const row = await platform.central.databaseServer.create({
    data: {
      name,
      host: url.hostname,
      port: embedded.port,
      adminUser: "postgres",
      adminPasswordEncrypted: encryptSecret(decodeURIComponent(url.password)),
      capacity,
    },
  });
  return {
    name,
    adminUrl: embedded.adminUrl,
    row,
    stop: async () => {
      await embedded.stop().finally(() => rm(dataDir, { recursive: true, force: true }));
    },
  };
}

/** PgBouncer as deploy/pgbouncer configures it in front of the server; requests go through it from now on. */
export async function putPgBouncerInFront(
  platform: PlatformFixture,
  server: RoutingServer,
  serverIdleTimeoutSeconds: number,
): Promise<void> {
  const authUser = {
    name: `${platform.prefix}pgbouncer_auth`,
    password: `pw${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
  };
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    // auth_query reads pg_shadow: the auth user must be allowed to (a superuser here, as in bench:pgbouncer).
    await admin.query(
      `CREATE ROLE ${quoteIdent(authUser.name)} LOGIN SUPERUSER PASSWORD ${quoteLiteral(authUser.password)}`,
    );
  } finally {
    await admin.end();
  }
  const address = new URL(server.adminUrl);
  server.bouncer = await startExamplePgBouncer({
    server: { host: address.hostname, port: Number(address.port || 5432) },
    authUser,
    settings: { server_idle_timeout: String(serverIdleTimeoutSeconds) },
  });
  server.row = await platform.central.databaseServer.update({
    where: { id: server.row.id },
    data: { poolerHost: "127.0.0.1", poolerPort: server.bouncer.port },
  });
}

/** A connection sampler per server (pg_stat_activity and pg_stat_database of its clinic databases). */
export async function startServerSamplers(
  platform: PlatformFixture,
  servers: RoutingServer[],
): Promise<void> {
  for (const server of servers) {
    server.sampler = await startConnectionSampler({
      adminUrl: server.adminUrl,
      prefix: platform.prefix,
      centralDatabase: `${platform.prefix}central`,
      intervalMs: 200,
    });
  }
}

export async function stopRoutingServers(servers: RoutingServer[]): Promise<void> {
  for (const server of servers) {
    await server.sampler?.stop();
    await server.bouncer?.stop();
  }
}
