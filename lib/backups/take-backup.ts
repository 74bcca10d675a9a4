import { unlink } from "node:fs/promises";
import pg from "pg";
import { type SealedFile, writeBackupFile } from "./backup-file";
import type { BackupKey } from "./backup-keys";
import { computeManifest, type Manifest } from "./manifest";
import { findPgTools, pgToolEnv, type RunningTool, startPgTool } from "./pg-tools";

/** How long a backup waits for a table lock before it gives up instead of queueing in front of the clinic. */
export const BACKUP_LOCK_WAIT_MS = 5_000;

export type DumpOptions = {
  /** An admin URL of the database to dump. */
  url: string;
  /** Every session of the dump carries it (a later job attempt ends them by it). */
  applicationName: string;
  /** Where the dump goes (absolute). */
  file: string;
  env?: NodeJS.ProcessEnv;
  lockWaitMs?: number;
  /** Progress: "snapshot", "manifest", "dump". */
  step?: (name: string) => Promise<void>;
};

/**
 * Dumps one database, consistent and encrypted: a REPEATABLE READ transaction exports its snapshot,
 * the manifest is computed in it, and pg_dump reads the very same snapshot (`--snapshot`), so the
 * manifest describes exactly the rows in the file even while the clinic keeps writing. The dump
 * streams through encryption: no plaintext copy touches the disk. A failure leaves no file.
 */
export async function dumpDatabase(
  options: DumpOptions & { key: BackupKey },
): Promise<{ manifest: Manifest; sealed: SealedFile }> {
  const { manifest, written } = await dumpInSnapshot(options, [], async (dump) => {
    const sealing = writeBackupFile(dump.stdout as AsyncIterable<Buffer>, options.file, options.key);
    const [sealed, dumped] = await Promise.allSettled([sealing, dump.done]);
    if (sealed.status === "rejected") {
      dump.kill();
      throw sealed.reason;
    }
    if (dumped.status === "rejected") {
      // pg_dump's output ended, so the file was sealed: it holds a partial dump and must go.
      await unlink(options.file).catch(() => {});
      throw dumped.reason;
    }
    return sealed.value;
  });
  return { manifest, sealed: written };
}

/**
 * The same consistent dump and manifest, unencrypted, for a job that restores it at once and
 * removes it (a move by backup and restore): `file` must be in that job's own private folder.
 */
export async function dumpDatabaseToFile(options: DumpOptions): Promise<Manifest> {
  const { manifest } = await dumpInSnapshot(options, [`--file=${options.file}`], async (dump) => {
    dump.stdout.resume();
    await dump.done.catch(async (error: unknown) => {
      await unlink(options.file).catch(() => {});
      throw error;
    });
  });
  return manifest;
}

/** pg_dump -Fc (with `args`) of the snapshot whose manifest is computed first; `write` takes its output. */
async function dumpInSnapshot<T>(
  options: DumpOptions,
  args: string[],
  write: (dump: RunningTool) => Promise<T>,
): Promise<{ manifest: Manifest; written: T }> {
  const lockWaitMs = options.lockWaitMs ?? BACKUP_LOCK_WAIT_MS;
  const client = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
  client.on("error", () => {});
  await client.connect();
  try {
    const version = await client.query<{ num: string }>(
      "SELECT current_setting('server_version_num') AS num",
    );
    const tools = await findPgTools(Number(version.rows[0]?.num), options.env);
    await options.step?.("snapshot");
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`SET LOCAL lock_timeout = ${Math.round(lockWaitMs)}`);
    const exported = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const snapshot = exported.rows[0]?.id ?? "";
    await options.step?.("manifest");
    const manifest = await computeManifest(client);
    await options.step?.("dump");
    const dump = startPgTool(
      tools.pg_dump,
      [
        "--format=custom",
        `--snapshot=${snapshot}`,
        `--lock-wait-timeout=${Math.round(lockWaitMs)}`,
        "--no-password",
        ...args,
      ],
      pgToolEnv(options.url, options.applicationName),
      options.env,
    );
    const written = await write(dump);
    await client.query("COMMIT");
    return { manifest, written };
  } finally {
    await client.end().catch(() => {});
  }
}
