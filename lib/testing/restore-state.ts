import pg from "pg";
import { compareManifests, computeManifest, type Manifest } from "../backups/manifest";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { clinicConnectionUrl } from "../tenancy/servers";

/** One database of a clinic's name family on its server: the live one, _p<n> (pending) or aside ones. */
export type ClinicDatabase = {
  name: string;
  kind: "live" | "pending" | "aside" | "other";
  /** Whether the clinic's role holds CONNECT on it (only the live one should). */
  roleCanConnect: boolean;
  allowConnections: boolean;
  comment: string | null;
};

/** Every database named like the clinic's, as the crash test and fault:restore check them after a kill. */
export function findClinicDatabases(server: DatabaseServer, clinic: Clinic): Promise<ClinicDatabase[]> {
  return withAdminClient(server, "postgres", async (admin) => {
    const { rows } = await admin.query<Omit<ClinicDatabase, "kind">>(
      `SELECT datname AS name, has_database_privilege($3, oid, 'CONNECT') AS "roleCanConnect",
              datallowconn AS "allowConnections", shobj_description(oid, 'pg_database') AS comment
         FROM pg_database WHERE datname = $1 OR left(datname, length($1) + 1) = $2 ORDER BY datname`,
      [clinic.databaseName, `${clinic.databaseName}_`, clinic.roleName],
    );
    const suffix = (name: string) => name.slice(clinic.databaseName.length);
    return rows.map((row) => ({
      ...row,
      kind:
        row.name === clinic.databaseName
          ? "live"
          : /^_p\d+$/.test(suffix(row.name))
            ? "pending"
            : /^_before_restore_\d{17}$/.test(suffix(row.name))
              ? "aside"
              : "other",
    }));
  });
}

/** A database's manifest, computed by the admin in one snapshot (as a backup computes it). */
export function manifestOf(server: DatabaseServer, database: string): Promise<Manifest> {
  return withAdminClient(server, database, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      return await computeManifest(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/** Which of the given manifests a database's rows equal, by name; "neither" is a mix or a loss. */
export function matchManifest<Name extends string>(
  actual: Manifest,
  candidates: Record<Name, Manifest>,
): Name | "neither" {
  const found = (Object.keys(candidates) as Name[]).find(
    (name) => compareManifests(candidates[name], actual).length === 0,
  );
  return found ?? "neither";
}

/** Connects as the clinic's role to its database and counts its patients (throws when it cannot). */
export async function countPatientsAsClinic(clinic: Clinic, server: DatabaseServer): Promise<number> {
  const client = new pg.Client({
    connectionString: clinicConnectionUrl(clinic, server),
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM patients");
    return rows[0]?.count ?? 0;
  } finally {
    await client.end().catch(() => {});
  }
}
