import type pg from "pg";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";
import { quoteIdent, quoteLiteral } from "../tenancy/names";
import { scramVerifier } from "../tenancy/role-password";
import { generateDatabasePassword } from "../tenancy/secrets";
import { formatMarker, type ObjectMarker } from "../tenancy/server-objects";
import { attemptAdmin, type MovePlan, whileOpenForAdmin } from "./move-plan";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On the source: a login of this move's own that may replicate and read the clinic's tables (so
 * the server's admin password never travels in CREATE SUBSCRIPTION, which a server log can show),
 * and a publication of every table. Resolves with the login's password, kept only in memory.
 */
export async function publishSource(ctx: JobContext, plan: MovePlan, own: ObjectMarker): Promise<string> {
  const { clinic, source, mover } = plan;
  const role = quoteIdent(mover);
  const password = generateDatabasePassword();
  await attemptAdmin(ctx, source, "postgres", (admin) =>
    admin.query(
      `BEGIN;
       CREATE ROLE ${role} LOGIN REPLICATION NOINHERIT CONNECTION LIMIT 8 PASSWORD ${quoteLiteral(scramVerifier(password))};
       COMMENT ON ROLE ${role} IS ${quoteLiteral(formatMarker(own))};
       GRANT CONNECT ON DATABASE ${quoteIdent(clinic.databaseName)} TO ${role};
       COMMIT;`,
    ),
  );
  await attemptAdmin(ctx, source, clinic.databaseName, (admin) =>
    admin.query(
      `GRANT USAGE ON SCHEMA public TO ${role};
       GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role};
       CREATE PUBLICATION ${quoteIdent(plan.replication)} FOR ALL TABLES`,
    ),
  );
  return password;
}

/** libpq's quoting of one connection value. */
const connValue = (value: string | number) =>
  `'${String(value).replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/**
 * On the target: the subscription that copies every table and then streams changes. It commits
 * each applied transaction synchronously, so the cut-over's "applied up to" is also "durable".
 */
export async function subscribeTarget(ctx: JobContext, plan: MovePlan, password: string): Promise<void> {
  const { clinic, source, target, replication } = plan;
  const conninfo = [
    `host=${connValue(source.host)}`,
    `port=${connValue(source.port)}`,
    `dbname=${connValue(clinic.databaseName)}`,
    `user=${connValue(plan.mover)}`,
    `password=${connValue(password)}`,
    `application_name=${connValue(replication)}`,
  ].join(" ");
  await attemptAdmin(ctx, target, clinic.databaseName, (admin) =>
    admin.query(
      `CREATE SUBSCRIPTION ${quoteIdent(replication)} CONNECTION ${quoteLiteral(conninfo)}
         PUBLICATION ${quoteIdent(replication)}
         WITH (copy_data = true, create_slot = true, slot_name = ${quoteLiteral(replication)}, synchronous_commit = 'on')`,
    ),
  );
}

/**
 * How long the copy may go on failing without a table finishing before the move gives up. A failed
 * table copy is retried by PostgreSQL itself (every wal_retrieve_retry_interval, 5 s by default), so
 * a passing error (a connection refused on a busy server) is waited out; one that repeats is not.
 */
const COPY_STALL_MS = 60_000;

/** Waits until every table's initial copy is done ('r' ready or 's' synchronised), reporting "n of m". */
export async function waitForCopy(
  ctx: JobContext,
  plan: MovePlan,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<void> {
  await attemptAdmin(ctx, plan.target, plan.clinic.databaseName, async (admin) => {
    let reported = -1;
    let progressAt = performance.now();
    let errorsAtProgress = 0;
    for (;;) {
      ctx.checkpoint();
      const { rows } = await admin.query<{ done: number; total: number; errors: number }>(
        `SELECT count(*) FILTER (WHERE r.srsubstate IN ('r', 's'))::int AS done, count(*)::int AS total,
                (SELECT coalesce(sum(sync_error_count + apply_error_count), 0)::int
                   FROM pg_stat_subscription_stats WHERE subname = $1) AS errors
           FROM pg_subscription s JOIN pg_subscription_rel r ON r.srsubid = s.oid
          WHERE s.subname = $1`,
        [plan.replication],
      );
      const { done = 0, total = 0, errors = 0 } = rows[0] ?? {};
      if (done !== reported) {
        await onProgress(done, total);
        reported = done;
        progressAt = performance.now();
        errorsAtProgress = errors;
      }
      if (total > 0 && done === total) return;
      if (errors > errorsAtProgress && performance.now() - progressAt > COPY_STALL_MS) {
        throw new AppError(
          "UNAVAILABLE",
          `Copying the clinic's rows to server ${plan.target.name} kept failing for ${COPY_STALL_MS / 1000} s (${errors} errors; its PostgreSQL log says why: "logical replication" lines); nothing was moved.`,
        );
      }
      await sleep(200);
    }
  });
}

/**
 * Waits until the target has applied and flushed everything the source wrote up to now (its
 * pg_current_wal_lsn()): the slot's confirmed_flush_lsn is what the subscriber reported as
 * durably applied.
 */
export async function waitForTargetToApply(
  source: pg.Client,
  options: { slot: string; timeoutMs: number; pollMs: number; checkpoint: () => void },
): Promise<void> {
  const { rows: now } = await source.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  const lsn = now[0]?.lsn ?? "0/0";
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    options.checkpoint();
    const { rows } = await source.query<{ applied: boolean }>(
      "SELECT confirmed_flush_lsn >= $2::pg_lsn AS applied FROM pg_replication_slots WHERE slot_name = $1",
      [options.slot, lsn],
    );
    if (!rows[0]) throw new AppError("UNAVAILABLE", "The move's replication slot on the source is gone.");
    if (rows[0].applied) return;
    if (performance.now() >= deadline) {
      throw new AppError(
        "UNAVAILABLE",
        `The target did not apply the source's changes up to ${lsn} within ${Math.round(options.timeoutMs / 1000)} s.`,
      );
    }
    await sleep(options.pollMs);
  }
}

/**
 * Drops the move's subscription on the target without reaching the source (which may be closed
 * or down): disabled and detached from its slot first; the slot is dropped on the source apart.
 */
export async function dropSubscription(ctx: JobContext, target: DatabaseServer, name: string): Promise<void> {
  const database = await attemptAdmin(ctx, target, "postgres", async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT d.datname FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid WHERE s.subname = $1",
      [name],
    );
    return rows[0]?.datname;
  });
  if (!database) return;
  await attemptAdmin(ctx, target, database, async (admin) => {
    await admin.query(`ALTER SUBSCRIPTION ${quoteIdent(name)} DISABLE`);
    await admin.query(`ALTER SUBSCRIPTION ${quoteIdent(name)} SET (slot_name = NONE)`);
    await admin.query(`DROP SUBSCRIPTION ${quoteIdent(name)}`);
  });
}

/**
 * Drops what the move made on the source: its slot (and the per-table copy slots a stopped copy
 * leaves, pg_<subscription>_sync_<table>_<system>), its publication and its login. A fenced source
 * database is opened for the admin only while this runs (the clinic's role cannot log in there).
 */
export async function dropSourceReplication(ctx: JobContext, plan: MovePlan): Promise<void> {
  const { clinic, source, mover } = plan;
  await attemptAdmin(ctx, source, "postgres", async (admin) => {
    await whileOpenForAdmin(admin, clinic.databaseName, () =>
      attemptAdmin(ctx, source, clinic.databaseName, (client) => dropSlotsAndPublication(client, plan)),
    );
    await admin.query("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = $1", [
      mover,
    ]);
    await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(mover)}`);
  });
}

async function dropSlotsAndPublication(client: pg.Client, plan: MovePlan): Promise<void> {
  const ours = `slot_name = $1 OR slot_name ~ '^pg_[0-9]+_sync_[0-9]+_[0-9]+$'`;
  for (let tries = 1; ; tries++) {
    await client.query(
      `SELECT pg_terminate_backend(active_pid, 5000) FROM pg_replication_slots
        WHERE database = current_database() AND active_pid IS NOT NULL AND (${ours})`,
      [plan.replication],
    );
    try {
      await client.query(
        `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
          WHERE database = current_database() AND (${ours})`,
        [plan.replication],
      );
      break;
    } catch (error) {
      // 55006: the subscriber's WAL sender came back between the two statements; end it again.
      if ((error as { code?: string }).code !== "55006" || tries >= 10) throw error;
      await sleep(100);
    }
  }
  await client.query(`DROP PUBLICATION IF EXISTS ${quoteIdent(plan.replication)}`);
  // Its grants here and its CONNECT on this database, so that DROP ROLE can follow.
  const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [plan.mover]);
  if (role.rowCount) await client.query(`DROP OWNED BY ${quoteIdent(plan.mover)}`);
}
