import type { CentralDb } from "../db/central";
import { bulkWorkDbTimeouts } from "../db/connection-timeouts";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { createTenantClient } from "./clinic-connection";
import { type ClinicRecord, clinicNotFoundError } from "./clinic-lookup";
import { clinicConnectionUrl } from "./servers";
import type { TenantDb } from "./tenant-client";

/** A clinic's database held outside any request; `close()` ends its connections. */
export type ClinicClient = { db: TenantDb; close(): Promise<void> };

/**
 * A client on the clinic's database as the clinic's own role, held until `close()`: for a test
 * file or a script, never for a request (those use `withTenantDb`). Whatever the clinic's status;
 * throws NOT_FOUND when no clinic has the subdomain.
 */
export async function openClinicClient(options: {
  central: CentralDb;
  subdomain: string;
}): Promise<ClinicClient> {
  const record = await options.central.clinic.findUnique({
    where: { subdomain: options.subdomain },
    include: { databaseServer: true },
  });
  if (!record) throw clinicNotFoundError();
  return connectClinicClient(record);
}

/** Runs `work` on a one-off client of the clinic's database (provisioning's seed, the demo data). */
export async function withClinicClient<T>(
  clinic: Clinic,
  server: DatabaseServer,
  work: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const client = await connectClinicClient({ ...clinic, databaseServer: server });
  try {
    return await work(client.db);
  } finally {
    await client.close();
  }
}

async function connectClinicClient(record: ClinicRecord): Promise<ClinicClient> {
  const timeouts = bulkWorkDbTimeouts();
  const client = createTenantClient(record, {
    // Two, as the test registries had: a transaction and a query beside it both proceed.
    poolMax: 2,
    idleTimeoutMs: 10_000,
    timeouts,
    applicationName: "clinic-one-off-client",
    // Never through a pooler; bulk statements may outlast the role's statement_timeout for requests.
    connectionUrl: (clinic, server) =>
      clinicConnectionUrl(clinic, server, { statementTimeoutMs: timeouts.queryTimeoutMs }),
  });
  try {
    await client.connect();
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: client.db, close: () => client.close() };
}
