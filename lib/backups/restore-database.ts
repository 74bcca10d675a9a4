import pg from "pg";
import { databaseNameOf } from "../db/database-url";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { quoteIdent, quoteLiteral } from "../tenancy/names";
import { serverAdminUrl } from "../tenancy/servers";
import { compareManifests, computeManifest, type Manifest } from "./manifest";
import { findPgTools, pgToolEnv, startPgTool } from "./pg-tools";

/** A new, empty database (from template0) with the original's encoding and locale, closed to PUBLIC. */
export async function createEmptyDatabase(
  admin: pg.Client,
  name: string,
  locale: Manifest["database"],
): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await admin.query(
    `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING ${quoteLiteral(locale.encoding)}
       LC_COLLATE ${quoteLiteral(locale.collate)} LC_CTYPE ${quoteLiteral(locale.ctype)}`,
  );
  await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
}

/**
 * pg_restore of a verified plaintext dump into `database`, as the server's admin: objects owned by
 * the admin (as provisioning leaves them), no ACLs from the dump (access is granted afresh), and the
 * first error stops it.
 */
export async function restoreDump(options: {
  server: DatabaseServer;
  database: string;
  dumpFile: string;
  applicationName: string;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  await restoreDumpAt({ ...options, url: serverAdminUrl(options.server, options.database) });
}

/** The same, into the database an admin URL names (the central database has no server row to go by). */
export async function restoreDumpAt(options: {
  url: string;
  dumpFile: string;
  applicationName: string;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  const client = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
  client.on("error", () => {});
  await client.connect();
  const version = await client
    .query<{ num: string }>("SELECT current_setting('server_version_num') AS num")
    .finally(() => client.end().catch(() => {}));
  const tools = await findPgTools(Number(version.rows[0]?.num), options.env);
  const restore = startPgTool(
    tools.pg_restore,
    [
      "--no-owner",
      "--no-acl",
      "--exit-on-error",
      "--no-password",
      `--dbname=${databaseNameOf(options.url)}`,
      options.dumpFile,
    ],
    pgToolEnv(options.url, options.applicationName),
    options.env,
  );
  restore.stdout.resume();
  await restore.done;
}

/** Refuses a restored database whose rows differ from the backup's manifest, naming the tables. */
export async function verifyRestoredDatabase(client: pg.Client, expected: Manifest): Promise<void> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const differences = compareManifests(expected, await computeManifest(client));
    if (differences.length) {
      const shown = differences.slice(0, 5).join("; ");
      const more = differences.length > 5 ? ` and ${differences.length - 5} more` : "";
      throw new AppError(
        "INVALID",
        `The restored database does not match the backup's manifest: ${shown}${more}.`,
      );
    }
  } finally {
    await client.query("ROLLBACK");
  }
}

/**
 * Puts `restored` in the place of `live` under a short suspension: new connections to the live
 * database are refused, its sessions (the clinic's pool) are ended, and both renames commit in one
 * transaction, so the clinic's name always names one complete database. The old one stays as
 * `aside`, connectable by the admin only. A failure before the commit changes nothing and lets
 * connections in again. With `pooler` (the server's PgBouncer and its console), the database is
 * paused there first and resumed last, so the clinic's queries through it wait instead of failing.
 * Resolves with how long connections were refused (or held).
 */
export async function swapDatabases(
  admin: pg.Client,
  names: { live: string; restored: string; aside: string; roleName: string },
  pooler?: { pause(): Promise<void>; resume(): Promise<void> } | null,
): Promise<{ suspendedMs: number }> {
  const started = performance.now();
  await pooler?.pause();
  try {
    await renameUnderSuspension(admin, names);
  } catch (error) {
    await pooler?.resume().catch(() => {});
    throw error;
  }
  // Committed: the clinic's name is the restored database's now, whatever RESUME does. One that
  // fails must not fail the restore; it is said loudly, with what to run (query_wait_timeout ends the
  // clinic's waiting queries meanwhile).
  await pooler
    ?.resume()
    .catch((error: unknown) =>
      console.error(
        `[restore] ${names.live} may still be paused at PgBouncer: run RESUME ${names.live} on its console (${error instanceof Error ? error.message : String(error)})`,
      ),
    );
  const suspendedMs = performance.now() - started;
  await settleAsideDatabase(admin, names);
  return { suspendedMs };
}

async function renameUnderSuspension(
  admin: pg.Client,
  names: { live: string; restored: string; aside: string },
): Promise<void> {
  const live = quoteIdent(names.live);
  await admin.query(`ALTER DATABASE ${live} WITH ALLOW_CONNECTIONS false`);
  try {
    for (let tries = 1; ; tries++) {
      await admin.query(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()",
        [[names.live, names.restored]],
      );
      try {
        await admin.query("BEGIN");
        await admin.query(`ALTER DATABASE ${live} RENAME TO ${quoteIdent(names.aside)}`);
        await admin.query(`ALTER DATABASE ${quoteIdent(names.restored)} RENAME TO ${live}`);
        await admin.query("COMMIT");
        break;
      } catch (error) {
        await admin.query("ROLLBACK");
        // 55006: a session slipped in between (a connection already past its checks): end it, again.
        if ((error as { code?: string }).code !== "55006" || tries >= 5) throw error;
      }
    }
  } catch (error) {
    await admin.query(`ALTER DATABASE ${live} WITH ALLOW_CONNECTIONS true`).catch(() => {});
    throw error;
  }
}

/**
 * After the renames: the database set aside is closed to the clinic's role, open to the admin
 * again (it was closed while live) and says what it is. Idempotent: a retry whose predecessor died
 * right after the swap's commit runs it again.
 */
export async function settleAsideDatabase(
  admin: pg.Client,
  names: { live: string; aside: string; roleName: string },
): Promise<void> {
  const aside = quoteIdent(names.aside);
  await admin.query(`REVOKE CONNECT ON DATABASE ${aside} FROM ${quoteIdent(names.roleName)}`);
  await admin.query(`ALTER DATABASE ${aside} WITH ALLOW_CONNECTIONS true`);
  await admin.query(
    `COMMENT ON DATABASE ${aside} IS ${quoteLiteral(`clinic-platform: ${names.live} before a restore`)}`,
  );
}

/** Whether a database of that name exists on the admin's server. */
export async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return (rowCount ?? 0) > 0;
}
