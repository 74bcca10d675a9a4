import type pg from "pg";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/runner";
import { quoteIdent } from "../tenancy/names";
import { attemptAdmin, type MovePlan, type MoveResult } from "./move-plan";
import { waitForTargetToApply } from "./move-replication";

/** How long the cut-over waits for the target to apply the source's last writes before giving up. */
const APPLY_TIMEOUT_MS = 30_000;

/** Who keeps the source database a move left behind, on the kept list (tenant:doctor leaves it alone). */
export function keptByMove(jobId: string): string {
  return `move job ${jobId}`;
}

/**
 * The cut-over, over connections opened before the clock starts: the source database is closed to
 * new connections and the clinic's sessions end (the app's pools wait, as for a restore's swap);
 * the target applies everything up to the source's WAL position; every sequence is set on the
 * target (sequences are not replicated); the clinic's role stops logging in on the source; the
 * central row names the target in one fenced transaction, which also records the kept database and
 * the window. A failure before that commit changes nothing central; the caller re-opens the source.
 */
export async function cutOver(ctx: JobContext, plan: MovePlan): Promise<MoveResult> {
  const { clinic, source, target } = plan;
  const own = ctx.attempt.applicationName;
  // A database cannot close itself: the control session is in the server's postgres database.
  return attemptAdmin(ctx, source, "postgres", (control) =>
    attemptAdmin(ctx, source, clinic.databaseName, (from) =>
      attemptAdmin(ctx, target, clinic.databaseName, async (to) => {
        const started = performance.now();
        await control.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS false`);
        await endClinicSessions(control, clinic, own);
        for (;;) {
          await waitForTargetToApply(control, {
            slot: plan.replication,
            timeoutMs: APPLY_TIMEOUT_MS,
            pollMs: 5,
            checkpoint: ctx.checkpoint,
          });
          await copySequences(from, to);
          await control.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
          // A session that was already past the database's check may have written since: go again.
          if ((await endClinicSessions(control, clinic, own)) === 0) break;
        }
        return switchCentralRow(ctx, plan, started);
      }),
    ),
  );
}

/**
 * A move by backup and restore pauses the clinic here, for the whole copy: the source database
 * closes to new connections, the clinic's sessions end, and its role stops logging in there (so
 * the admin's dump may open the database again). Resolves with when the pause began.
 */
export async function fenceSource(ctx: JobContext, plan: MovePlan): Promise<number> {
  const { clinic } = plan;
  return attemptAdmin(ctx, plan.source, "postgres", async (control) => {
    const started = performance.now();
    await control.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS false`);
    await endClinicSessions(control, clinic, ctx.attempt.applicationName);
    await control.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
    // A session that was already past the checks when they changed.
    await endClinicSessions(control, clinic, ctx.attempt.applicationName);
    return started;
  });
}

/** How long a session in the middle of a statement or transaction may finish it before it is ended. */
const SESSION_GRACE_MS = 500;

/**
 * Ends every session in the clinic's database but this attempt's and the WAL senders (the
 * subscription's stream must go on), and every session of its role; again until none is left.
 * Idle ones end at once; one running a statement or inside a transaction gets up to
 * SESSION_GRACE_MS to finish it, so a request in flight completes instead of failing (its pooled
 * connection then ends idle, and its next one follows the clinic). Resolves with how many it ended.
 */
async function endClinicSessions(
  admin: pg.Client,
  clinic: { databaseName: string; roleName: string },
  ownApplication: string,
): Promise<number> {
  const graceEnds = performance.now() + SESSION_GRACE_MS;
  let ended = 0;
  for (;;) {
    const { rows } = await admin.query<{ ended: number; left: number }>(
      `SELECT count(*) FILTER (WHERE CASE WHEN state = 'idle' OR state IS NULL OR $4
                                          THEN pg_terminate_backend(pid, 5000) ELSE false END)::int AS ended,
              count(*)::int AS left
         FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND application_name <> $3
          AND (datname = $1 OR usename = $2)`,
      [clinic.databaseName, clinic.roleName, ownApplication, performance.now() >= graceEnds],
    );
    const { ended: now = 0, left = 0 } = rows[0] ?? {};
    ended += now;
    if (left === 0) return ended;
    if (now === left) continue;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every sequence of the public schema, set on the target to where it stands on the source. */
async function copySequences(from: pg.Client, to: pg.Client): Promise<void> {
  const { rows: names } = await from.query<{ name: string }>(
    "SELECT format('public.%I', relname) AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'",
  );
  for (const { name } of names) {
    const { rows } = await from.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${name}`,
    );
    const value = rows[0];
    if (value)
      await to.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        name,
        value.last_value,
        value.is_called,
      ]);
  }
}

/**
 * The point of no return, for either method: the central row names the target (every app process
 * follows), the source database goes on the kept list, and the outcome is recorded, in one fenced
 * transaction. `started` is when the source closed (performance.now()).
 */
export async function switchCentralRow(
  ctx: JobContext,
  plan: MovePlan,
  started: number,
): Promise<MoveResult> {
  const { clinic, source, target } = plan;
  return ctx.fenced(async (tx) => {
    const moved = await tx.clinic.updateMany({
      where: { id: clinic.id, databaseServerId: source.id },
      data: { databaseServerId: target.id },
    });
    if (moved.count !== 1)
      throw new AppError("CONFLICT", "The clinic's row changed during the move; nothing was switched.");
    await tx.keptDatabase.upsert({
      where: { serverId_databaseName: { serverId: source.id, databaseName: clinic.databaseName } },
      create: {
        serverId: source.id,
        databaseName: clinic.databaseName,
        reason: `${clinic.subdomain}'s database before it moved to server ${target.name}`,
        keptBy: keptByMove(ctx.job.id),
      },
      update: {},
    });
    const result: MoveResult = {
      method: plan.payload.method ?? "replication",
      suspendedMs: Math.round(performance.now() - started),
      fromServer: source.name,
      toServer: target.name,
      keptDatabase: clinic.databaseName,
    };
    await tx.job.update({
      where: { id: ctx.job.id },
      data: { payload: { ...plan.payload, started: true, result } },
    });
    return result;
  });
}
