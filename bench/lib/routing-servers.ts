import type { DatabaseServer } from "../../lib/generated/central/client";
import { createPgBouncerAuthUser, type PgBouncer, startExamplePgBouncer } from "../../lib/testing/pgbouncer";
import type { PlatformFixture } from "../../lib/testing/platform-fixture";
import { registerEmbeddedServer, startThrowawayServer } from "../../lib/testing/throwaway-server";
import { startConnectionSampler } from "./connection-sampler";

export type RoutingServer = {
  name: string;
  adminUrl: string;
  row: DatabaseServer;
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
  // Room for PgBouncer's idle server connections next to the app's budget.
  const extra = await startThrowawayServer({
    label: `bench-${name}`,
    port: 59632,
    settings: { max_connections: "200" },
  });
  const row = await registerEmbeddedServer(platform.central, extra.embedded, { name, capacity });
  return { name, adminUrl: extra.embedded.adminUrl, row, stop: extra.stop };
}

/** PgBouncer as deploy/pgbouncer configures it in front of the server; requests go through it from now on. */
export async function putPgBouncerInFront(
  platform: PlatformFixture,
  server: RoutingServer,
  serverIdleTimeoutSeconds: number,
): Promise<void> {
  const authUser = await createPgBouncerAuthUser(server.adminUrl, platform.prefix);
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

/** One connection sampler over every server (pg_stat_activity and pg_stat_database of the clinic databases). */
export function startServersSampler(platform: PlatformFixture, servers: RoutingServer[]) {
  return startConnectionSampler({
    adminUrls: servers.map(({ adminUrl }) => adminUrl),
    prefix: platform.prefix,
    centralDatabase: `${platform.prefix}central`,
    intervalMs: 200,
  });
}

export async function stopPgBouncers(servers: RoutingServer[]): Promise<void> {
  for (const server of servers) await server.bouncer?.stop();
}
