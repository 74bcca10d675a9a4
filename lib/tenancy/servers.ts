import type { CentralDb } from "../db/central";
import { withDatabaseName } from "../db/database-url";
import type { DatabaseServer } from "../generated/central/client";
import { decryptSecret, encryptSecret } from "./secrets";

export const DEFAULT_SERVER_NAME = "default";

/** The server of DATABASE_URL is the default home of clinic databases; recorded on first start. */
export async function ensureDefaultServer(central: CentralDb, centralUrl: string): Promise<DatabaseServer> {
  const url = new URL(centralUrl);
  const details = {
    host: url.hostname,
    port: Number(url.port || 5432),
    adminUser: decodeURIComponent(url.username || "postgres"),
    adminPasswordEncrypted: url.password ? encryptSecret(decodeURIComponent(url.password)) : null,
  };
  return central.databaseServer.upsert({
    where: { name: DEFAULT_SERVER_NAME },
    create: { name: DEFAULT_SERVER_NAME, isDefault: true, ...details },
    update: details,
  });
}

/** The least loaded active server that has room for one more clinic. */
export async function pickServer(central: CentralDb): Promise<DatabaseServer | undefined> {
  const servers = await central.databaseServer.findMany({
    where: { status: "ACTIVE" },
    include: { _count: { select: { clinics: { where: { status: { not: "DELETED" } } } } } },
  });
  return servers
    .filter((server) => server._count.clinics < server.capacity)
    .sort((a, b) => a._count.clinics / a.capacity - b._count.clinics / b.capacity)[0];
}

/** An administrator's URL to one database of a server (its `postgres` database by default). */
export function serverAdminUrl(server: DatabaseServer, database = "postgres"): string {
  const url = new URL("postgresql://localhost");
  url.hostname = server.host;
  url.port = String(server.port);
  url.username = encodeURIComponent(server.adminUser);
  if (server.adminPasswordEncrypted)
    url.password = encodeURIComponent(decryptSecret(server.adminPasswordEncrypted));
  return withDatabaseName(url, database);
}

type ClinicCredentials = { databaseName: string; roleName: string; rolePasswordEncrypted: string | null };

/**
 * A clinic's own URL: its role, its password, its database, on its server. Direct, never through
 * the server's pooler: for everything but requests (seeding, scripts, tests). `statementTimeoutMs`
 * replaces the role's own statement_timeout for the session, sent as a startup option.
 */
export function clinicConnectionUrl(
  clinic: ClinicCredentials,
  server: DatabaseServer,
  options: { statementTimeoutMs?: number } = {},
): string {
  const url = new URL(serverAdminUrl(server, clinic.databaseName));
  url.username = clinic.roleName;
  url.password = clinic.rolePasswordEncrypted
    ? encodeURIComponent(decryptSecret(clinic.rolePasswordEncrypted))
    : "";
  if (options.statementTimeoutMs !== undefined)
    url.searchParams.set("options", `-c statement_timeout=${options.statementTimeoutMs}`);
  return url.toString();
}

/**
 * The URL clinic requests use: through the server's PgBouncer when it has one, else direct. Only
 * the registry's clients take it; LISTEN, job locks, migrations, backups, restores and moves
 * connect to the server itself (serverAdminUrl), and so do one-off clinic clients.
 */
export function clinicRequestUrl(clinic: ClinicCredentials, server: DatabaseServer): string {
  const url = new URL(clinicConnectionUrl(clinic, server));
  if (server.poolerHost && server.poolerPort) {
    url.hostname = server.poolerHost;
    url.port = String(server.poolerPort);
  }
  return url.toString();
}
