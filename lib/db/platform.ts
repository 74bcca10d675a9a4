import path from "node:path";
import pg from "pg";
import { quoteIdent } from "../tenancy/names";
import { centralDatabaseKeptOpen } from "./central-opt-out";
import { databaseNameOf, parseDatabaseUrl, withDatabaseName } from "./database-url";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded-server";
import { applyMigrations, SCHEMA_LOCATIONS } from "./migrations";
import { projectRoot } from "./project-root";

export const defaultDataDir = path.join(projectRoot, ".data");
const EMBEDDED_CENTRAL_DATABASE = "clinic_platform";

export type PlatformDatabase = {
  /** The central database's URL. */
  centralUrl: string;
  /** Set when this process started embedded PostgreSQL; stop it on the way out. */
  embedded?: EmbeddedServer;
};

/**
 * Finds the platform's PostgreSQL: DATABASE_URL when set (it names the central database), else
 * an embedded server whose data lives in `.data/`.
 */
export async function connectPlatformDatabase(options: {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  onLog?: (line: string) => void;
}): Promise<PlatformDatabase> {
  const env = options.env ?? process.env;
  if (env.DATABASE_URL !== undefined) {
    return { centralUrl: parseDatabaseUrl(env.DATABASE_URL).toString() };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? defaultDataDir,
    port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined,
    onLog: options.onLog,
  });
  return { centralUrl: withDatabaseName(embedded.adminUrl, EMBEDDED_CENTRAL_DATABASE), embedded };
}

/** Creates the database a URL names when it does not exist yet (through the server's `postgres` database). */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const name = databaseNameOf(url);
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Creates the central database if needed, closes it to every role but the platform's own, and
 * applies its pending migrations. A database lets every role on its server connect by default
 * (PUBLIC CONNECT), clinic roles included, whoever created it; `CENTRAL_DB_OPEN_TO_PUBLIC=1`
 * leaves it as the operator set it, and `/super` then warns.
 */
export async function prepareCentralDatabase(
  centralUrl: string,
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabaseExists(centralUrl);
  if (!centralDatabaseKeptOpen(options.env)) await closeToOtherRoles(centralUrl);
  const applied = await applyMigrations({ ...SCHEMA_LOCATIONS.central, connectionString: centralUrl });
  return { created, applied };
}

async function closeToOtherRoles(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const database = quoteIdent(databaseNameOf(url));
    const { rows } = await client.query<{ role: string }>("SELECT current_user AS role");
    // Granted first: a platform role that is neither owner nor superuser connects through PUBLIC too.
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${quoteIdent(rows[0]?.role ?? "")}`);
    await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
  } finally {
    await client.end();
  }
}

export type CentralDatabaseAccess = { openToPublic: boolean; ownRoleMayConnect: boolean };

/** Who may connect to the central database, as PostgreSQL sees it now. */
export async function findCentralDatabaseAccess(centralUrl: string): Promise<CentralDatabaseAccess> {
  const client = new pg.Client({ connectionString: centralUrl });
  await client.connect();
  try {
    const { rows } = await client.query<CentralDatabaseAccess>(
      `SELECT has_database_privilege('public', current_database(), 'CONNECT') AS "openToPublic",
              has_database_privilege(current_user, current_database(), 'CONNECT') AS "ownRoleMayConnect"`,
    );
    return rows[0] ?? { openToPublic: true, ownRoleMayConnect: true };
  } finally {
    await client.end();
  }
}
