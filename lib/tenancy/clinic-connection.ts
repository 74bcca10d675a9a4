import type { DatabaseServer } from "@/lib/generated/central/client";
import type { ClinicRecord } from "./clinic-lookup";
import { clinicRequestUrl } from "./servers";
import { TenantClient, type TenantClientOptions } from "./tenant-client";

export type ConnectionUrlBuilder = (clinic: ClinicRecord, server: DatabaseServer) => string;

/** How the client's pool behaves; what it connects to comes from the clinic's row. */
export type TenantClientSettings = Omit<
  TenantClientOptions,
  "subdomain" | "fingerprint" | "databaseName" | "connectionString"
> & {
  /** How to reach the clinic's database; by default as requests do (the server's pooler, if any). */
  connectionUrl?: ConnectionUrlBuilder;
};

/**
 * A pooled client on the clinic's database as the clinic's own role; each connection it opens is
 * checked with `current_database()` first (`connect()` opens one). Throws when its server is missing
 * or offline.
 */
export function createTenantClient(record: ClinicRecord, settings: TenantClientSettings): TenantClient {
  const { connectionUrl = clinicRequestUrl, ...poolSettings } = settings;
  const server = record.databaseServer;
  if (!server || server.status === "OFFLINE") throw new Error("its database server is missing or offline");
  return new TenantClient({
    ...poolSettings,
    subdomain: record.subdomain,
    fingerprint: connectionFingerprint(record),
    databaseName: record.databaseName,
    // The clinic's own URL (its role, its password, its server); never logged.
    connectionString: connectionUrl(record, server),
  });
}

// Everything a connection is made from: when any of it changes, the client must be rebuilt.
export function connectionFingerprint(record: ClinicRecord): string {
  const server = record.databaseServer;
  return JSON.stringify([
    record.id,
    record.databaseName,
    record.roleName,
    record.rolePasswordEncrypted,
    server?.id,
    server?.host,
    server?.port,
    server?.poolerHost,
    server?.poolerPort,
  ]);
}
