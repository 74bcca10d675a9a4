import type { Clinic, DatabaseServer } from "../generated/central/client";
import { describeConnectionFailure, withServerConnection } from "./server-connection";

/** A clinic database's size in bytes, or why it could not be measured. */
export type DatabaseSize = { bytes: number | null; problem: string | null };

type SizedClinic = Pick<Clinic, "id" | "status" | "databaseName"> & { databaseServer: DatabaseServer | null };

// Only these have a complete database; the others may have none, or one being made or dropped.
const MEASURED: ReadonlySet<Clinic["status"]> = new Set(["ACTIVE", "SUSPENDED"]);

/**
 * Asks each clinic's server for its database's size: one admin connection per server, one query
 * per clinic, so an unreachable server or a missing database spoils only its own rows.
 */
export async function findDatabaseSizes(clinics: SizedClinic[]): Promise<Map<string, DatabaseSize>> {
  const sizes = new Map<string, DatabaseSize>();
  const byServer = new Map<string, { server: DatabaseServer; clinics: SizedClinic[] }>();
  for (const clinic of clinics) {
    if (!MEASURED.has(clinic.status)) sizes.set(clinic.id, { bytes: null, problem: null });
    else if (!clinic.databaseServer) sizes.set(clinic.id, { bytes: null, problem: "No server recorded." });
    else if (clinic.databaseServer.status === "OFFLINE")
      sizes.set(clinic.id, { bytes: null, problem: "Its server is offline." });
    else {
      const group = byServer.get(clinic.databaseServer.id) ?? { server: clinic.databaseServer, clinics: [] };
      group.clinics.push(clinic);
      byServer.set(clinic.databaseServer.id, group);
    }
  }
  await Promise.all(
    [...byServer.values()].map(async ({ server, clinics: onServer }) => {
      try {
        await withServerConnection({ server }, async (client) => {
          for (const clinic of onServer) {
            const size = await client
              .query<{ bytes: string | null }>("SELECT pg_database_size($1)::text AS bytes", [
                clinic.databaseName,
              ])
              .then(
                (result) => ({ bytes: Number(result.rows[0]?.bytes ?? Number.NaN), problem: null }),
                () => ({ bytes: null, problem: "Its database could not be measured." }),
              );
            sizes.set(clinic.id, Number.isNaN(size.bytes) ? { bytes: null, problem: "Unknown." } : size);
          }
        });
      } catch (error) {
        const { message } = describeConnectionFailure(error, server);
        for (const clinic of onServer)
          if (!sizes.has(clinic.id))
            sizes.set(clinic.id, { bytes: null, problem: `Server ${server.name}: ${message}` });
      }
    }),
  );
  return sizes;
}
