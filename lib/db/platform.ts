import path from "node:path";
import pg from "pg";
import { quoteIdent } from "../tenancy/names";
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
 * Creates the central database if needed and applies its pending migrations. A new database lets
 * every role connect, and the central one must not admit the clinics' own roles; an existing
 * database keeps the privileges its operator gave it.
 */
export async function prepareCentralDatabase(
  centralUrl: string,
): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabaseExists(centralUrl);
  if (created) await revokePublicConnect(centralUrl);
  const applied = await applyMigrations({ ...SCHEMA_LOCATIONS.central, connectionString: centralUrl });
  return { created, applied };
}

async function revokePublicConnect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`REVOKE ALL ON DATABASE ${quoteIdent(databaseNameOf(url))} FROM PUBLIC`);
  } finally {
    await client.end();
  }
}
