import { computeManifest, type Manifest } from "../backups/manifest";
import { findPgTools, pgToolEnv, startPgTool } from "../backups/pg-tools";
import { AppError } from "../errors";
import { quoteIdent } from "../tenancy/names";
import { type PitrConfig, runPgBackRest } from "./pgbackrest";
import type { ScratchPaths } from "./scratch-folder";
import { connectScratch, type ScratchInstance } from "./scratch-instance";

/** A time as recovery_target_time reads it, in UTC to the millisecond. */
export function recoveryTargetTime(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "+00");
}

/**
 * pgBackRest restores the cluster into the scratch data folder, set to recover to `at` and promote:
 * only `database`'s files (and the system databases') are restored, every other database's are
 * zeroed (--db-include), and the copy will not archive WAL of its own (--archive-mode=off).
 */
export async function restoreScratchCluster(
  config: PitrConfig,
  paths: ScratchPaths,
  options: { at: Date; database: string; env: NodeJS.ProcessEnv },
): Promise<void> {
  await runPgBackRest(
    config,
    [
      "restore",
      `--pg1-path=${paths.dataDir}`,
      "--type=time",
      `--target=${recoveryTargetTime(options.at)}`,
      "--target-action=promote",
      `--db-include=${options.database}`,
      "--archive-mode=off",
    ],
    { env: options.env },
  ).catch((error: unknown) => {
    if (error instanceof AppError && /database to include .* does not exist/.test(error.message)) {
      throw new AppError(
        "CONFLICT",
        `The clinic's database is not in the pgBackRest backup a restore to ${options.at.toISOString()} starts from (it came onto the server after that backup): take a new backup (pgbackrest --config=${config.configPath} --stanza=${config.stanza} backup); times after it can then be restored.`,
      );
    }
    throw error;
  });
}

/**
 * pg_dump of `database` from the scratch instance into the scratch folder, and its manifest (the
 * same per-table rows and checksums as a backup's). Nothing else writes to the copy, so the two agree.
 */
export async function dumpScratchDatabase(
  instance: ScratchInstance,
  database: string,
  options: { env: NodeJS.ProcessEnv; applicationName: string; at: Date },
): Promise<Manifest> {
  const admin = await connectScratch(instance, "postgres");
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!found.rowCount) {
      throw new AppError("NOT_FOUND", `The clinic's database did not exist at ${options.at.toISOString()}.`);
    }
    // It may have been closed at that moment (a swap, a move's fence); the copy is ours alone.
    await admin.query(`ALTER DATABASE ${quoteIdent(database)} WITH ALLOW_CONNECTIONS true`);
  } finally {
    await admin.end().catch(() => {});
  }
  const client = await connectScratch(instance, database);
  try {
    const version = await client.query<{ num: string }>(
      "SELECT current_setting('server_version_num') AS num",
    );
    const tools = await findPgTools(Number(version.rows[0]?.num), options.env);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const manifest = await computeManifest(client);
    await client.query("COMMIT");
    const url = new URL("postgresql://localhost");
    url.port = String(instance.port);
    url.username = encodeURIComponent(instance.user);
    url.pathname = `/${encodeURIComponent(database)}`;
    const dump = startPgTool(
      tools.pg_dump,
      ["--format=custom", `--file=${instance.paths.dumpFile}`, "--no-password"],
      { ...pgToolEnv(url.toString(), options.applicationName), PGHOST: instance.paths.socketDir },
      options.env,
    );
    dump.stdout.resume();
    await dump.done;
    return manifest;
  } finally {
    await client.end().catch(() => {});
  }
}
