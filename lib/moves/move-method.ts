import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import type { MoveMethod } from "./move-plan";

/** A source with wal_level=logical publishes its tables; any other is moved by backup and restore. */
export function moveMethodFor(walLevel: string): MoveMethod {
  return walLevel === "logical" ? "replication" : "backup";
}

/**
 * How fast a move by backup and restore goes, as bytes of the clinic's database (pg_database_size)
 * per second of pause, plus a fixed part (fence, create, grants, switch). A 163 MB clinic (50,000
 * patients) dumps in 5.3 s and restores and verifies in 6.3 s on 2 quiet cores (bench:backup,
 * bench/RESULTS.md): ~13 MB/s. Moved by `npm run bench:move -- --method backup` at load average 12
 * it paused 50.5 s (3.2 MB/s): a busy machine takes about 4 times as long.
 */
const BACKUP_BYTES_PER_SECOND = 13 * 2 ** 20;
const BACKUP_FIXED_SECONDS = 1;
const BUSY_FACTOR = 4;

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
  /** The pause in a few words, and all of it in plain words (the move dialog and tenant:move). */
  headline: string;
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
    return { ...preview, ...describeMove(preview) };
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
    headline: "How long the clinic pauses is not known yet",
    summary: `Server ${source} could not be reached to see how this clinic would be moved (${error}). The move checks again before it changes anything, and stops if the server still cannot be reached.`,
  };
}

function describeMove(
  preview: Omit<MovePreview, "headline" | "summary">,
): Pick<MovePreview, "headline" | "summary"> {
  const { source, walLevel, databaseBytes, pauseSeconds } = preview;
  if (!pauseSeconds || databaseBytes === null) {
    return {
      headline: "The clinic pauses for a moment",
      summary: `Server ${source} has wal_level=${walLevel}: the clinic's records are copied to the new server while it keeps working, then it pauses for a moment (usually well under a second) while it switches over.`,
    };
  }
  return {
    headline: `The clinic will be paused for about ${roughDuration(pauseSeconds.quiet)}`,
    summary: `Server ${source} has wal_level=${walLevel}, so this clinic will be moved by backup and restore, not copied while it keeps working. The clinic is paused for the whole copy: its staff cannot open or save anything until it is done. Its database is ${formatMegabytes(databaseBytes)}, so expect about ${roughDuration(pauseSeconds.quiet)} when the servers are quiet, up to ${roughDuration(pauseSeconds.busy)} when they are busy. Choose a quiet time, or set wal_level=logical on ${source} (a PostgreSQL restart) for a pause of under a second.`,
  };
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 2 ** 20;
  return megabytes >= 1024
    ? `${(megabytes / 1024).toFixed(1)} GB`
    : `${Math.max(1, Math.round(megabytes))} MB`;
}

/** Seconds in words, rounded up: "15 seconds", "4 minutes", "2 hours". */
function roughDuration(seconds: number): string {
  const fives = Math.max(5, Math.ceil(seconds / 5) * 5);
  if (fives < 60) return `${fives} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
