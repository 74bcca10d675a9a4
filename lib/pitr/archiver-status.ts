import type pg from "pg";
import type { PitrConfig } from "./pgbackrest";
import { archiveCommand } from "./pitr-setup";

/** A server's WAL archiving as PostgreSQL sees it: its settings and pg_stat_archiver. */
export type ArchiverReading = {
  archiveMode: string;
  /** archive_command (or archive_library) is set; PostgreSQL shows neither while archive_mode is off. */
  commandSet: boolean;
  /** archive_command is the one pitr:setup set for the recorded stanza (null: no stanza recorded). */
  commandPushesToStanza: boolean | null;
  archivedCount: number;
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  failedCount: number;
  lastFailedWal: string | null;
  lastFailedAt: Date | null;
};

type ArchiverRow = {
  mode: string;
  command: string;
  library: string | null;
  archived_count: string;
  last_archived_wal: string | null;
  last_archived_time: Date | null;
  failed_count: string;
  last_failed_wal: string | null;
  last_failed_time: Date | null;
};

/** The archiver's settings and counters; `config` is the stanza recorded for the server, if any. */
export async function readArchiver(
  client: pg.Client,
  config: PitrConfig | null = null,
): Promise<ArchiverReading> {
  const { rows } = await client.query<ArchiverRow>(
    `SELECT current_setting('archive_mode') AS mode, current_setting('archive_command') AS command,
            current_setting('archive_library', true) AS library,
            archived_count::text, last_archived_wal, last_archived_time,
            failed_count::text, last_failed_wal, last_failed_time
       FROM pg_stat_archiver`,
  );
  const row = rows[0] as ArchiverRow;
  return {
    archiveMode: row.mode,
    commandSet: row.mode !== "off" && (row.command.trim() !== "" || Boolean(row.library?.trim())),
    commandPushesToStanza: config ? row.command === archiveCommand(config) : null,
    archivedCount: Number(row.archived_count),
    lastArchivedWal: row.last_archived_wal,
    lastArchivedAt: row.last_archived_time,
    failedCount: Number(row.failed_count),
    lastFailedWal: row.last_failed_wal,
    lastFailedAt: row.last_failed_time,
  };
}

const utc = (at: Date) => `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;

/**
 * What is wrong when archiving is configured but not keeping up, and what to do; null while it
 * works, or is off on a server without point-in-time restore. Nothing newer than the last archived
 * segment can then be restored: the recoverable window has stopped growing.
 */
export function describeArchiveFailure(reading: ArchiverReading, config: PitrConfig | null): string | null {
  const again = "Run npm run pitr:setup for this server again (on its machine).";
  if (reading.archiveMode === "off") {
    return config
      ? `Point-in-time restore is set up (stanza ${config.stanza}) but archive_mode is off: no WAL is archived, so the recoverable window stopped growing. ${again}`
      : null;
  }
  const check = config
    ? `To see why, run pgbackrest --config=${config.configPath} --stanza=${config.stanza} check as the PostgreSQL user on the server's machine (pgBackRest's log: log-path in that file).`
    : "Check archive_command and the server's log.";
  if (!reading.commandSet) {
    return `archive_mode is ${reading.archiveMode} but archive_command is empty: no WAL is archived and it piles up in pg_wal until the disk is full. ${check}`;
  }
  if (reading.commandPushesToStanza === false) {
    return `archive_command is not the one pitr:setup set for stanza ${config?.stanza}: WAL does not reach its repository, so the recoverable window stopped growing. ${again}`;
  }
  const { lastFailedAt, lastArchivedAt } = reading;
  if (!lastFailedAt || (lastArchivedAt && lastArchivedAt >= lastFailedAt)) return null;
  const since = lastArchivedAt ? `since ${utc(lastArchivedAt)}` : "yet";
  return `archive_command is failing: nothing has been archived ${since}, so the recoverable window stopped growing there and WAL piles up in pg_wal. Last failed attempt ${utc(lastFailedAt)} (WAL ${reading.lastFailedWal ?? "unknown"}; ${reading.failedCount} failures in all). ${check}`;
}
