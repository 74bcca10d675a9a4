import pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { describeConnectionFailure } from "../super/server-connection";
import { serverAdminUrl } from "../tenancy/servers";
import { parseSubdomain } from "../validations/subdomain";

/** Every maintenance report session says what it is, so it is never taken for a clinic's query. */
export const MAINTENANCE_APPLICATION_NAME = "clinic-platform:maintenance";

// A report must not hang on a slow server (pg waits forever by default).
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 15_000;

export type MaintainedClinic = Clinic & { databaseServer: DatabaseServer };

/** Runs `work` with one admin connection to `database` on `server`, with timeouts; connection failures in words. */
export async function withMaintenanceClient<T>(
  server: DatabaseServer,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: serverAdminUrl(server, database),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: MAINTENANCE_APPLICATION_NAME,
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    const { message } = describeConnectionFailure(error, server);
    throw new AppError("UNAVAILABLE", `Server ${server.name}: ${message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The clinic at `subdomain` with its server, when it has a complete database to maintain (active
 * or suspended) on a server that is not offline; refusals in words, never a database name.
 */
export async function findMaintainedClinic(
  central: CentralDb,
  subdomain: unknown,
): Promise<MaintainedClinic> {
  const parsed = parseSubdomain(subdomain);
  if (!parsed.ok) throw new AppError("INVALID", "That is not a clinic's subdomain.");
  const clinic = await central.clinic.findUnique({
    where: { subdomain: parsed.subdomain },
    include: { databaseServer: true },
  });
  if (!clinic) throw new AppError("NOT_FOUND", `No clinic at ${parsed.subdomain}.`);
  if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only an active or suspended clinic has a database to maintain.`,
    );
  }
  const server = clinic.databaseServer;
  if (!server) throw new AppError("CONFLICT", "The clinic has no database server recorded.");
  if (server.status === "OFFLINE") {
    throw new AppError(
      "UNAVAILABLE",
      `The clinic's server ${server.name} is marked offline; bring it back first.`,
    );
  }
  return { ...clinic, databaseServer: server };
}
