import pg from "pg";
import { readDbTimeouts } from "../db/connection-timeouts";
import { type MigrationFile, readMigrationFiles } from "../db/migration-files";
import {
  applyMigrations,
  applyMigrationsOver,
  listMigrationNames,
  SCHEMA_LOCATIONS,
  type SchemaLocation,
} from "../db/migrations";
import type { DatabaseServer } from "../generated/central/client";
import { quoteIdent, quoteLiteral, templateDatabaseName } from "./names";
import { serverAdminUrl } from "./servers";

/** The tenant schema version a database is at: the name of its newest applied migration. */
export async function latestMigrationName(schema: SchemaLocation = SCHEMA_LOCATIONS.tenant): Promise<string> {
  const latest = (await listMigrationNames(schema.migrationsDir)).at(-1);
  if (!latest) throw new Error(`No tenant migrations in ${schema.migrationsDir}.`);
  return latest;
}

/** Runs `work` with one admin connection to a database of `server`. */
export async function withAdminClient<T>(
  server: DatabaseServer,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const { connectTimeoutMs, keepAliveDelayMs } = readDbTimeouts();
  // A connect timeout and keepalive, but no query timeout: a migration or CREATE DATABASE may be long.
  const client = new pg.Client({
    connectionString: serverAdminUrl(server, database),
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: keepAliveDelayMs,
  });
  // A server restart while the client is idle (between a job's steps) would otherwise crash the
  // process; the next query on it fails instead, and says why.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Kept by triggers from other tables' rows (invoice_applied_totals: from payment_allocations). */
const DERIVED_TABLES = ["invoice_applied_totals"] as const;

/**
 * The clinic's role may read and write rows, nothing more: tables stay owned by the server admin
 * that runs migrations, so the app's role cannot drop or alter them. Default privileges cover the
 * tables later migrations create; granting again after each migration is idempotent and cheap.
 */
export async function grantClinicRole(client: pg.Client, roleName: string): Promise<void> {
  const role = quoteIdent(roleName);
  await client.query(`
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role};
    REVOKE INSERT, UPDATE, DELETE ON TABLE _prisma_migrations FROM ${role};
  `);
  // Tables the database derives itself (a trigger keeps them): the role reads them, never writes.
  for (const table of DERIVED_TABLES)
    await client.query(`DO $$ BEGIN
      IF to_regclass('public.${table}') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE public.${table} FROM ${role};
      END IF;
    END $$`);
}

/**
 * Who may connect to a clinic's database: its own role, not PUBLIC. Provisioning applies it, and so
 * does a restore (a database pg_restore fills is created with the default ACL, so PUBLIC could
 * connect, and without any per-database setting): a setting every clinic database needs belongs here.
 */
export async function grantClinicDatabaseAccess(
  admin: pg.Client,
  options: { databaseName: string; roleName: string },
): Promise<void> {
  await admin.query(
    `REVOKE ALL ON DATABASE ${quoteIdent(options.databaseName)} FROM PUBLIC;
     GRANT CONNECT ON DATABASE ${quoteIdent(options.databaseName)} TO ${quoteIdent(options.roleName)}`,
  );
}

/**
 * Applies a clinic database's pending tenant migrations as the server admin, then re-grants its
 * role, all over one admin connection.
 */
export async function migrateClinicDatabase(options: {
  server: DatabaseServer;
  databaseName: string;
  roleName: string;
  schema?: SchemaLocation;
}): Promise<string[]> {
  const migrations = await readMigrationFiles((options.schema ?? SCHEMA_LOCATIONS.tenant).migrationsDir);
  return withAdminClient(options.server, options.databaseName, (client) =>
    migrateClinicOver(client, { ...options, migrations }),
  );
}

/** The same over an admin connection to the clinic's database that the caller holds. */
export async function migrateClinicOver(
  client: pg.Client,
  options: { databaseName: string; roleName: string; migrations: readonly MigrationFile[] },
): Promise<string[]> {
  const applied = await applyMigrationsOver(client, {
    database: options.databaseName,
    migrations: options.migrations,
  });
  await grantClinicRole(client, options.roleName);
  return applied;
}

/** How a template database says which tenant migration it is at: its comment. */
export function templateVersionComment(version: string): string {
  return `tenant schema ${version}`;
}

/**
 * Keeps the template database at the newest tenant migration, so a new clinic is a fast copy.
 * Its version is kept in the database's comment (readable without connecting to it); it refuses
 * connections except while it is migrated, because CREATE DATABASE ... TEMPLATE needs it unused.
 */
export async function ensureTemplateDatabase(options: {
  server: DatabaseServer;
  env?: NodeJS.ProcessEnv;
  schema?: SchemaLocation;
}): Promise<{ name: string; version: string; applied: string[] }> {
  const schema = options.schema ?? SCHEMA_LOCATIONS.tenant;
  const name = templateDatabaseName({ env: options.env });
  const version = await latestMigrationName(schema);
  return withAdminClient(options.server, "postgres", async (admin) => {
    // One process at a time changes the template; others wait here, then find it current.
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    try {
      const found = await admin.query<{ comment: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
        [name],
      );
      if (found.rows[0]?.comment === templateVersionComment(version)) return { name, version, applied: [] };
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE false ALLOW_CONNECTIONS true`);
      const applied = await applyMigrations({
        ...schema,
        connectionString: serverAdminUrl(options.server, name),
      }).catch(async (error: unknown) => {
        // It holds no data: dropped, it is rebuilt from empty next time instead of staying broken.
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        throw error;
      });
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await admin.query(
        `COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(templateVersionComment(version))}`,
      );
      return { name, version, applied };
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
    }
  });
}
