import type pg from "pg";
import type { JobContext, JobHandler, JobHandlers } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, loadClinic } from "../tenancy/clinic-job-context";
import { endEarlierAttempts, withAttemptAdmin } from "../tenancy/server-objects";

export const MAINTENANCE_OPERATIONS = ["vacuum", "reindex"] as const;
export type MaintenanceOperation = (typeof MAINTENANCE_OPERATIONS)[number];

export const MAINTENANCE_JOB_KINDS = {
  vacuum: "vacuum-clinic",
  reindex: "reindex-clinic",
} as const satisfies Record<MaintenanceOperation, string>;

const STEP_PATTERN = /^(\d+) of (\d+) tables/;

/** "3 of 41 tables: public.patients" → 3 and 41, for progress bars; null for other steps. */
export function parseTableStep(step: string | null): { done: number; total: number } | null {
  const match = STEP_PATTERN.exec(step ?? "");
  return match ? { done: Number(match[1]), total: Number(match[2]) } : null;
}

/**
 * "vacuum-clinic" (VACUUM (ANALYZE)) and "reindex-clinic" (REINDEX TABLE … CONCURRENTLY): one
 * table at a time on a plain admin connection (both refuse to run inside a transaction block), with
 * "n of m tables" as the job's step. Each table runs under the clinic's lock, taken and released
 * around it: a rollout's migration (which needs its tables exclusively) waits for at most one
 * table, never queues its exclusive lock behind a whole database's vacuum, and never meets one.
 */
function tableJobHandler(operation: MaintenanceOperation): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await withAttemptAdmin(server, clinic.databaseName, ctx.attempt.applicationName, async (admin) => {
        if (ctx.retry) await endEarlierAttempts(admin, { jobId: ctx.job.id, attempt: ctx.attempt.number });
        if (operation === "reindex") {
          await ctx.step("cleanup");
          await dropLeftoverReindexes(admin);
        }
        const tables = await listTables(admin);
        for (const [index, table] of tables.entries()) {
          ctx.checkpoint();
          await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
          try {
            await ctx.step(`${index + 1} of ${tables.length} tables: ${table}`);
            await admin.query(
              operation === "vacuum" ? `VACUUM (ANALYZE) ${table}` : `REINDEX TABLE CONCURRENTLY ${table}`,
            );
          } finally {
            await ctx.locks.unlock("clinic", clinic.id);
          }
        }
      });
    },
    async giveUp(ctx, reason) {
      if (operation === "vacuum")
        return `The vacuum stopped: ${reason} Tables already vacuumed stay so; run it again.`;
      await cleanUpAfter(ctx).catch(() => {});
      return `The reindex stopped: ${reason} The indexes not yet rebuilt are unchanged and still used; run it again.`;
    },
  };
}

/** The clinic's tables in every schema but PostgreSQL's own, quoted by PostgreSQL (format %I). */
async function listTables(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * An interrupted REINDEX CONCURRENTLY leaves an invalid copy of the index (…_ccnew, or the old one
 * as …_ccold) that every write still maintains: dropped before a new run and after a failed one.
 */
async function dropLeftoverReindexes(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND c.relname ~ '_cc(new|old)[0-9]*$'
        AND n.nspname NOT IN ('pg_catalog', 'pg_toast')`,
  );
  for (const { name } of rows) await admin.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  return rows.length;
}

async function cleanUpAfter(ctx: JobContext): Promise<void> {
  const { clinic, server } = await loadClinic(ctx);
  await withAttemptAdmin(server, clinic.databaseName, ctx.attempt.applicationName, async (admin) => {
    await endEarlierAttempts(admin, { jobId: ctx.job.id, attempt: ctx.attempt.number });
    await dropLeftoverReindexes(admin);
  });
}

/** The handlers of the maintenance jobs (the worker's list needs them beside the clinic jobs'). */
export function maintenanceJobHandlers(): JobHandlers {
  return {
    "vacuum-clinic": tableJobHandler("vacuum"),
    "reindex-clinic": tableJobHandler("reindex"),
  };
}
