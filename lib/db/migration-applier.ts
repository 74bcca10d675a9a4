import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { MigrationFile } from "./migration-files";

/**
 * The key of Prisma's own migration lock (`pg_advisory_lock(72707369)` in its schema engine): holding
 * it keeps this applier, another one and the engine from migrating one database at the same time.
 */
export const PRISMA_MIGRATION_LOCK = 72707369;

// Prisma's DDL for PostgreSQL, word for word, so the engine reads our rows as its own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** What a database's `_prisma_migrations` says: applied migrations and failed, unresolved attempts. */
export type MigrationHistory = { finished: Set<string>; failed: string[] };

/** Why a migration did not apply; `migrations.ts` turns it into a MigrationError with the database's name. */
export class MigrationFailure extends Error {
  override name = "MigrationFailure";
  constructor(
    readonly kind: "failed-earlier" | "sql" | "left-transaction",
    readonly migration: MigrationFile | { name: string },
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Applies the pending migrations over one connection. Each one is ONE transaction that holds the
 * migration lock, runs the migration's SQL and inserts its finished `_prisma_migrations` row, so a
 * crash at any instant leaves it either wholly applied and recorded or not there at all. The
 * history is read again under the lock before each one: another applier may have got there first.
 * Round trips: one to lock and read, then the SQL, its row and COMMIT for each pending migration.
 */
export async function applyPendingMigrations(
  client: pg.Client,
  migrations: readonly MigrationFile[],
): Promise<string[]> {
  const applied: string[] = [];
  for (;;) {
    const history = await beginLockedTransaction(client);
    const failed = history.failed[0];
    if (failed !== undefined) {
      await client.query("ROLLBACK");
      throw new MigrationFailure("failed-earlier", { name: failed }, "recorded as failed");
    }
    const pending = migrations.filter((migration) => !history.finished.has(migration.name));
    const next = pending[0];
    if (!next) {
      await client.query("COMMIT");
      return applied;
    }
    await applyInTransaction(client, next);
    applied.push(next.name);
    // Rows are only ever added, so once the last pending one is in, nothing is left to look for.
    if (pending.length === 1) return applied;
  }
}

/** The history as it is now, without the lock (a dry run's view). */
export async function readMigrationHistory(client: pg.Client): Promise<MigrationHistory> {
  const found = await client.query<{ found: string | null }>(
    "SELECT to_regclass('_prisma_migrations') AS found",
  );
  if (!found.rows[0]?.found) return { finished: new Set(), failed: [] };
  return toHistory(await client.query<HistoryRow>(HISTORY_QUERY));
}

/**
 * Marks the failed, unresolved attempts at `migrationName` rolled back (Prisma's `migrate resolve
 * --rolled-back`), so that the next run applies it again. Returns how many it marked.
 */
export async function markRolledBack(client: pg.Client, migrationName: string): Promise<number> {
  const found = await client.query<{ found: string | null }>(
    "SELECT to_regclass('_prisma_migrations') AS found",
  );
  if (!found.rows[0]?.found) return 0;
  const update = await client.query(
    `UPDATE _prisma_migrations SET rolled_back_at = now()
     WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
    [migrationName],
  );
  return update.rowCount ?? 0;
}

type HistoryRow = { migration_name: string; finished: boolean };

const HISTORY_QUERY = `SELECT migration_name, finished_at IS NOT NULL AS finished
  FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at`;

// One round trip: open the transaction, wait for the lock, make the table if missing, read it.
async function beginLockedTransaction(client: pg.Client): Promise<MigrationHistory> {
  const results = (await client.query(
    `BEGIN; SELECT pg_advisory_xact_lock(${PRISMA_MIGRATION_LOCK}); ${CREATE_MIGRATIONS_TABLE}; ${HISTORY_QUERY}`,
  )) as unknown as pg.QueryResult<HistoryRow>[];
  return toHistory(results[results.length - 1] as pg.QueryResult<HistoryRow>);
}

function toHistory(result: pg.QueryResult<HistoryRow>): MigrationHistory {
  return {
    finished: new Set(result.rows.filter((row) => row.finished).map((row) => row.migration_name)),
    failed: result.rows.filter((row) => !row.finished).map((row) => row.migration_name),
  };
}

async function applyInTransaction(client: pg.Client, migration: MigrationFile): Promise<void> {
  try {
    // One simple query: PostgreSQL runs the whole script, `;` inside function bodies included.
    await client.query(migration.sql);
    if (client.getTransactionStatus() !== "T") {
      throw new MigrationFailure("left-transaction", migration, "its SQL ended the transaction it runs in");
    }
  } catch (error) {
    const failure = error instanceof MigrationFailure ? error : new MigrationFailure("sql", migration, error);
    await recordFailedAttempt(client, migration, failure);
    throw failure;
  }
  await client.query(
    `INSERT INTO _prisma_migrations
       (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
     VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
  await pauseAtFaultPoint("before-commit");
  await client.query("COMMIT");
  await pauseAtFaultPoint("after-commit");
}

/**
 * Records the attempt as Prisma does (a row without finished_at, the error in logs), so that later
 * runs stop until someone marks it rolled back. Its transaction rolled back, so nothing of it is left.
 */
async function recordFailedAttempt(client: pg.Client, migration: MigrationFile, failure: MigrationFailure) {
  try {
    if (client.getTransactionStatus() !== "I") await client.query("ROLLBACK");
    await client.query(
      `BEGIN; SELECT pg_advisory_xact_lock(${PRISMA_MIGRATION_LOCK}); ${CREATE_MIGRATIONS_TABLE}`,
    );
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 0)`,
      [randomUUID(), migration.checksum, migration.name, failure.message],
    );
    await client.query("COMMIT");
  } catch {
    // The connection itself failed: the migration's own error is the one worth reporting.
  }
}

/**
 * Test-only (MIGRATION_FAULT_POINT, see migration-kill.test.ts): says it reached the point on stdout
 * and waits there to be killed, so a test can SIGKILL the process just before or after COMMIT.
 */
async function pauseAtFaultPoint(point: "before-commit" | "after-commit"): Promise<void> {
  if (process.env.MIGRATION_FAULT_POINT !== point) return;
  process.stdout.write(`migration fault point: ${point}\n`);
  await new Promise(() => setInterval(() => {}, 60_000));
}
