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

/** A clinic's own URL: its role, its password, its database, on its server. */
export function clinicConnectionUrl(
  clinic: { databaseName: string; roleName: string; rolePasswordEncrypted: string | null },
  server: DatabaseServer,
): string {
  const url = new URL(serverAdminUrl(server, clinic.databaseName));
  url.username = clinic.roleName;
  url.password = clinic.rolePasswordEncrypted
    ? encodeURIComponent(decryptSecret(clinic.rolePasswordEncrypted))
    : "";
  return url.toString();
}
