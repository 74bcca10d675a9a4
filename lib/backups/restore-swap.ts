import type pg from "pg";
import type { Clinic, DatabaseServer, KeptDatabase } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";
import { quoteIdent } from "../tenancy/names";
import { poolerPauseFor, resumePoolerDatabase } from "../tenancy/pooler-console";
import { dropPendingDatabases, endEarlierAttempts, withAttemptAdmin } from "../tenancy/server-objects";
import { keptByRestore } from "./restore-aside";
import { databaseExists, settleAsideDatabase, swapDatabases } from "./restore-database";

/**
 * Builds the database `pending` (`build`, the restore's own steps) and swaps it in for the
 * clinic's live database, which is kept as `aside` (listed in kept_databases for
 * RESTORE_KEEP_HOURS). A failure before the renames' commit drops `pending` and leaves the live
 * clinic as it was. Resolves with how long connections were refused.
 */
export async function buildAndSwapDatabase(
  ctx: JobContext,
  target: {
    server: DatabaseServer;
    clinic: Clinic;
    pending: string;
    aside: string;
    /** Why the aside database is kept (shown in tenant:doctor and /super). */
    reason: string;
    build: () => Promise<void>;
  },
): Promise<{ suspendedMs: number }> {
  const { server, clinic, pending, aside } = target;
  const admin = <T>(work: (client: pg.Client) => Promise<T>) =>
    withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, work);
  try {
    await target.build();
    await ctx.step("swap");
    await ctx.fenced((tx) =>
      tx.keptDatabase.create({
        data: {
          serverId: server.id,
          databaseName: aside,
          reason: target.reason,
          keptBy: keptByRestore(ctx.job.id),
        },
      }),
    );
    return await admin((client) =>
      swapDatabases(
        client,
        { live: clinic.databaseName, restored: pending, aside, roleName: clinic.roleName },
        poolerPauseFor(server, clinic.databaseName),
      ),
    );
  } catch (error) {
    await admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(pending)} WITH (FORCE)`);
      if (!(await databaseExists(client, aside))) {
        await ctx.central.keptDatabase.deleteMany({ where: { serverId: server.id, databaseName: aside } });
      }
    }).catch(() => {});
    throw error;
  }
}

/**
 * A retry, or giving up: ends the sessions of earlier attempts (a pg_restore still running), lets
 * connections into the live database again (an attempt may have died mid-swap), and at the
 * server's PgBouncer too (it may have died while the database was paused there), and drops the
 * half-made copies.
 */
export async function recoverEarlierAttempt(
  ctx: JobContext,
  server: DatabaseServer,
  clinic: Clinic,
): Promise<void> {
  // First, and whatever the rest does: a clinic left paused at PgBouncer answers nobody.
  await resumePoolerDatabase(server, clinic.databaseName).catch((error: unknown) =>
    console.error(
      `[restore] could not RESUME ${clinic.databaseName} at server ${server.name}'s PgBouncer: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (client) => {
    await endEarlierAttempts(client, { jobId: ctx.job.id, attempt: ctx.attempt.number });
    if (await databaseExists(client, clinic.databaseName)) {
      await client.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS true`);
    }
    await dropPendingDatabases(client, clinic.databaseName);
  });
}

/**
 * Whether an earlier attempt of this job swapped (its aside database exists): if so the aside
 * database is settled again (it may have died right after the renames' commit) and its kept row
 * returned; a kept row whose database never came to be is removed.
 */
export async function findFinishedSwap(
  ctx: JobContext,
  server: DatabaseServer,
  clinic: Clinic,
): Promise<KeptDatabase | null> {
  const kept = await ctx.central.keptDatabase.findFirst({ where: { keptBy: keptByRestore(ctx.job.id) } });
  if (!kept) return null;
  const swapped = await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (client) => {
    if (!(await databaseExists(client, kept.databaseName))) return false;
    const names = { live: clinic.databaseName, aside: kept.databaseName, roleName: clinic.roleName };
    await settleAsideDatabase(client, names);
    return true;
  });
  if (swapped) return kept;
  await ctx.central.keptDatabase.delete({ where: { id: kept.id } });
  return null;
}
