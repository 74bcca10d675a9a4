import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import type { MoveMethod } from "./move-plan";

/** A source with wal_level=logical publishes its tables; any other is moved by backup and restore. */
export function moveMethodFor(walLevel: string): MoveMethod {
  return walLevel === "logical" ? "replication" : "backup";
}

/**
 * How fast a move by backup and restore goes: bytes of the clinic's database (pg_database_size) per
 * second of pause, fence to switch, and the fixed part of it. Measured by `npm run bench:move --
 * --method backup` (bench/RESULTS.md) on a quiet 2-core machine; a busy one took up to 3 times as long.
 */
const BACKUP_BYTES_PER_SECOND = 14 * 2 ** 20;
const BACKUP_FIXED_SECONDS = 1;
const BUSY_FACTOR = 3;

/** What a move of this clinic away from its server will do, read before anything is queued. */
export type MovePreview = {
  source: string;
  /** null: the source could not be reached; the move's check decides when it runs. */
  method: MoveMethod | null;
  walLevel: string | null;
  databaseBytes: number | null;
  /** A move by backup and restore: how long the clinic is paused, on quiet and on busy servers. */
  pauseSeconds: { quiet: number; busy: number } | null;
  /** Why the source could not be reached. */
  error: string | null;
  /** The same in plain words, for the move dialog and tenant:move. */
  summary: string;
};

/** One query on the clinic's server: its wal_level and the size of the clinic's database. */
export async function previewMove(options: {
  source: DatabaseServer;
  databaseName: string;
}): Promise<MovePreview> {
  const { source, databaseName } = options;
  try {
    const { walLevel, bytes } = await withAdminClient(source, "postgres", async (admin) => {
      const { rows } = await admin.query<{ wal_level: string; size: string | null }>(
        "SELECT current_setting('wal_level') AS wal_level, pg_database_size(oid)::text AS size FROM pg_database WHERE datname = $1",
        [databaseName],
      );
      return { walLevel: rows[0]?.wal_level ?? null, bytes: rows[0]?.size ? Number(rows[0].size) : null };
    });
    if (walLevel === null || bytes === null) {
      return unreachable(source.name, `the clinic's database ${databaseName} is not on it`);
    }
    const method = moveMethodFor(walLevel);
    const quiet = Math.ceil(BACKUP_FIXED_SECONDS + bytes / BACKUP_BYTES_PER_SECOND);
    const pauseSeconds = method === "backup" ? { quiet, busy: quiet * BUSY_FACTOR } : null;
    const preview = {
      source: source.name,
      method,
      walLevel,
      databaseBytes: bytes,
      pauseSeconds,
      error: null,
    };
    return { ...preview, summary: describeMove(preview) };
  } catch (error) {
    return unreachable(source.name, (error as Error).message);
  }
}

function unreachable(source: string, error: string): MovePreview {
  return {
    source,
    method: null,
    walLevel: null,
    databaseBytes: null,
    pauseSeconds: null,
    error,
    summary: `Server ${source} could not be reached to see how this clinic would be moved (${error}). The move checks again before it changes anything, and stops if the server still cannot be reached.`,
  };
}

function describeMove(preview: Omit<MovePreview, "summary">): string {
  const { source, walLevel, databaseBytes, pauseSeconds } = preview;
  if (!pauseSeconds || databaseBytes === null) {
    return `Server ${source} has wal_level=${walLevel}: the clinic's records are copied to the new server while it keeps working, then it pauses for a moment (usually well under a second) while it switches over.`;
  }
  return `Server ${source} has wal_level=${walLevel}, so this clinic will be moved by backup and restore, not copied while it keeps working. The clinic is paused for the whole copy: its staff cannot open or save anything until it is done. Its database is ${formatMegabytes(databaseBytes)}, so expect about ${formatPause(pauseSeconds.quiet)} when the servers are quiet, up to ${formatPause(pauseSeconds.busy)} when they are busy. Choose a quiet time, or set wal_level=logical on ${source} (a PostgreSQL restart) for a pause of under a second.`;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 2 ** 20;
  return megabytes >= 1024
    ? `${(megabytes / 1024).toFixed(1)} GB`
    : `${Math.max(1, Math.round(megabytes))} MB`;
}

/** Seconds in words, rounded up: "15 seconds", "4 minutes", "2 hours". */
export function formatPause(seconds: number): string {
  if (seconds < 60) return `${Math.max(5, Math.ceil(seconds / 5) * 5)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
