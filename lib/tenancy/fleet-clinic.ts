import pg from "pg";
import { markRolledBack, readMigrationHistory } from "../db/migration-applier";
import { readMigrationFiles } from "../db/migration-files";
import { listMigrationNames, MigrationError, type SchemaLocation } from "../db/migrations";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { migrateClinicOver, withAdminClient } from "./clinic-schema";
import { serverAdminUrl } from "./servers";

export type FleetClinic = Clinic & { databaseServer: DatabaseServer | null };

export type ClinicOutcome = {
  applied: string[];
  error?: string;
  /** A migration that had failed here before, marked rolled back so that it ran again. */
  retried?: string;
};

/**
 * Applies a clinic's pending migrations as the server admin and re-grants its role, over one
 * connection. When the fleet itself recorded that a migration failed on this clinic, that
 * migration is marked rolled back first and runs again: each migration runs as one transaction,
 * so its failure left nothing behind to clean up.
 */
export async function updateClinic(clinic: FleetClinic, schema: SchemaLocation): Promise<ClinicOutcome> {
  const server = usableServer(clinic);
  if (typeof server === "string") return { applied: [], error: server };
  try {
    const migrations = await readMigrationFiles(schema.migrationsDir);
    return await withClinicAdminClient(server, clinic.databaseName, async (client) => {
      const retried = await rollBackRecordedFailure(clinic, client);
      const applied = await migrateClinicOver(client, { ...clinic, migrations });
      if (applied.length > 0) await analyzeAfterMigration(client);
      return { applied, retried };
    });
  } catch (error) {
    return { applied: [], error: describeClinicError(clinic, error) };
  }
}

/**
 * A migration can add columns and indexes, or rewrite a table, leaving the planner with no or
 * stale statistics until autovacuum gets there: the clinic's first queries after a rollout would
 * be planned blind. Statistics are an optimisation, so a failed ANALYZE does not fail the update.
 */
async function analyzeAfterMigration(client: pg.Client): Promise<void> {
  await client.query("ANALYZE").catch(() => {});
}

/**
 * Dry run: the migrations this clinic would get, read from its database without changing it, or
 * the error the real run would stop at (a failed migration it would not retry by itself).
 */
export async function findPendingMigrations(
  clinic: FleetClinic,
  schema: SchemaLocation,
): Promise<ClinicOutcome> {
  const server = usableServer(clinic);
  if (typeof server === "string") return { applied: [], error: server };
  try {
    const rows = await withAdminClient(server, clinic.databaseName, readMigrationHistory);
    const blocking = rows.failed.find((name) => name !== recordedFailureOf(clinic));
    if (blocking) return { applied: [], error: foreignFailure(clinic, blocking) };
    const names = await listMigrationNames(schema.migrationsDir);
    return { applied: names.filter((name) => !rows.finished.has(name)) };
  } catch (error) {
    return { applied: [], error: describeClinicError(clinic, error) };
  }
}

/**
 * One admin connection to a clinic's database for the fleet. The outcome is known once the last
 * query returns; waiting for the server to end the backend (tens of milliseconds on a busy
 * machine) would only hold back the next clinic, so the connection closes in the background.
 */
async function withClinicAdminClient<T>(
  server: DatabaseServer,
  databaseName: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverAdminUrl(server, databaseName) });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.end().catch(() => {});
  }
}

function usableServer(clinic: FleetClinic): DatabaseServer | string {
  const server = clinic.databaseServer;
  if (!server)
    return `Clinic ${clinic.subdomain} has no database server recorded; fix its row in the central database.`;
  if (server.status === "OFFLINE") {
    return `Clinic ${clinic.subdomain}: its database server ${server.name} is marked OFFLINE; bring it back first.`;
  }
  return server;
}

const RECORDED_FAILURE = /^Migration (\S+) failed on clinic /;

/** The migration this fleet last saw PostgreSQL reject on the clinic (the first form below). */
function recordedFailureOf(clinic: Pick<Clinic, "lastMigrationError">): string | undefined {
  return RECORDED_FAILURE.exec(clinic.lastMigrationError ?? "")?.[1];
}

async function rollBackRecordedFailure(clinic: FleetClinic, client: pg.Client): Promise<string | undefined> {
  const migration = recordedFailureOf(clinic);
  if (!migration) return undefined;
  return (await markRolledBack(client, migration)) > 0 ? migration : undefined;
}

/**
 * One line that names the clinic and, when known, the migration; never a URL or a password. The
 * first form is the one `recordedFailureOf` recognises on the next run.
 */
export function describeClinicError(
  clinic: Pick<Clinic, "subdomain" | "databaseName">,
  error: unknown,
): string {
  const where = `clinic ${clinic.subdomain} (database ${clinic.databaseName})`;
  if (!(error instanceof MigrationError)) return `Updating ${where} failed: ${describeError(error)}`;
  const { migration, reason } = error.details;
  if (migration && reason.includes("failed earlier")) return foreignFailure(clinic, migration);
  if (migration) return redactUrls(`Migration ${migration} failed on ${where}: ${reason}`);
  return redactUrls(`Updating ${where} failed: ${reason}`);
}

// A failed attempt that this fleet did not see fail: it may not have run in one transaction.
function foreignFailure(clinic: Pick<Clinic, "subdomain" | "databaseName">, migration: string): string {
  return (
    `Migration ${migration} is recorded as failed in clinic ${clinic.subdomain} (database ` +
    `${clinic.databaseName}) by an attempt this tool did not make, so nothing newer is applied. Check ` +
    `that it left nothing half done, then mark it rolled back (UPDATE _prisma_migrations SET ` +
    `rolled_back_at = now() WHERE migration_name = '${migration}' AND finished_at IS NULL) and run ` +
    `again with --failed.`
  );
}

/** An error's first line, with the password of any connection URL in it masked. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactUrls(message.split("\n")[0] ?? "");
}

function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/g, "$1:***@");
}
