import type pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "./clinic-schema";
import { quoteIdent, quoteLiteral } from "./names";

/**
 * Every database and role this platform creates says so in its comment: the platform instance
 * (one per central database) and the clinic. Cleanup (a failed provisioning, tenant:doctor) only
 * ever drops objects whose marker is its own, so two platforms on one server, or a database an
 * operator made by hand, are never touched.
 */
export type ObjectMarker = { instanceId: string; clinicId: string };

const MARKER_PATTERN = /^clinic-platform instance=([0-9a-f-]{36}) clinic=([0-9a-f-]{36})$/;

export function formatMarker(marker: ObjectMarker): string {
  return `clinic-platform instance=${marker.instanceId} clinic=${marker.clinicId}`;
}

export function parseMarker(comment: string | null | undefined): ObjectMarker | null {
  const match = MARKER_PATTERN.exec(comment ?? "");
  return match?.[1] && match[2] ? { instanceId: match[1], clinicId: match[2] } : null;
}

/** This platform's instance id, from the central database's one platform_instance row. */
export async function platformInstanceId(central: CentralDb): Promise<string> {
  const instance = await central.platformInstance.findFirst();
  if (!instance) throw new Error("The central database has no platform_instance row; run its migrations.");
  return instance.id;
}

/**
 * An admin session of one job attempt: it carries the attempt's application_name (so a later
 * attempt can end it), and the server checks its client every second while a command runs, so a
 * CREATE DATABASE whose process died is aborted instead of finishing after the retry began.
 */
export function withAttemptAdmin<T>(
  server: DatabaseServer,
  database: string,
  applicationName: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withAdminClient(server, database, async (client) => {
    await client.query(
      `SET application_name = ${quoteLiteral(applicationName)}; SET client_connection_check_interval = '1s'`,
    );
    return work(client);
  });
}

/**
 * Ends every session an earlier attempt of `jobId` left on the server (a zombie's, or one whose
 * command still runs after its client died) and waits until each is gone, so a retry never races
 * its predecessor. Also ends the sessions of `roleName` (a clinic not yet active has no others).
 */
export async function endEarlierAttempts(
  admin: pg.Client,
  options: { jobId: string; attempt: number; roleName?: string },
): Promise<number> {
  const { rows } = await admin.query<{ ended: number }>(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int AS ended
       FROM pg_stat_activity
      WHERE pid <> pg_backend_pid()
        AND ((application_name LIKE $1 AND application_name <> $2 AND application_name NOT LIKE $3)
             OR ($4::text IS NOT NULL AND usename = $4::text))`,
    [
      `job:${options.jobId}:%`,
      `job:${options.jobId}:${options.attempt}`,
      `job:${options.jobId}:${options.attempt}:%`,
      options.roleName ?? null,
    ],
  );
  return rows[0]?.ended ?? 0;
}

/** The marker on a role and a database of `server`, when they exist (null marker: unmarked). */
export async function findServerObjects(
  admin: pg.Client,
  names: { roleName: string; databaseName: string },
): Promise<{ role?: { marker: ObjectMarker | null }; database?: { marker: ObjectMarker | null } }> {
  const role = await admin.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname = $1",
    [names.roleName],
  );
  const database = await admin.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
    [names.databaseName],
  );
  return {
    role: role.rows[0] && { marker: parseMarker(role.rows[0].comment) },
    database: database.rows[0] && { marker: parseMarker(database.rows[0].comment) },
  };
}

export function isOwnMarker(marker: ObjectMarker | null | undefined, own: ObjectMarker): boolean {
  return marker?.instanceId === own.instanceId && marker.clinicId === own.clinicId;
}

/** A database being created by attempt `n` has this name until it is complete and marked. */
export function pendingDatabaseName(databaseName: string, attempt: number): string {
  return `${databaseName}_p${attempt}`;
}

/** Drops the half-made databases that attempts of this clinic left (pendingDatabaseName). */
export async function dropPendingDatabases(admin: pg.Client, databaseName: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE left(datname, length($1) + 2) = $1 || '_p' AND substr(datname, length($1) + 3) ~ '^[0-9]+$'",
    [databaseName],
  );
  for (const { datname } of rows)
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
}

/**
 * Drops what provisioning made for this clinic: its pending databases always, its database and
 * role only when they carry this clinic's marker.
 */
export async function dropMarkedClinicObjects(
  admin: pg.Client,
  clinic: Pick<Clinic, "databaseName" | "roleName">,
  own: ObjectMarker,
): Promise<void> {
  await dropPendingDatabases(admin, clinic.databaseName);
  const found = await findServerObjects(admin, clinic);
  if (isOwnMarker(found.database?.marker, own)) {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(clinic.databaseName)} WITH (FORCE)`);
  }
  if (isOwnMarker(found.role?.marker, own))
    await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(clinic.roleName)}`);
}

export function foreignObjectError(kind: "database" | "role", name: string): AppError {
  return new AppError(
    "CONFLICT",
    `A ${kind} named ${name} already exists on the database server and was not made for this clinic, so nothing was changed. Ask the platform team to look at that server (npm run tenant:doctor lists what is on it), then try again.`,
  );
}
