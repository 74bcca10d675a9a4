import { SupersededError } from "../jobs/errors";
import type { JobContext, JobHandler } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, type ClinicJobOptions } from "../tenancy/clinic-job-context";
import { grantClinicDatabaseAccess } from "../tenancy/clinic-schema";
import { quoteIdent } from "../tenancy/names";
import { endEarlierAttempts, type ObjectMarker, platformInstanceId } from "../tenancy/server-objects";
import { checkMove } from "./move-check";
import { cutOver } from "./move-cutover";
import {
  attemptAdmin,
  isSwitched,
  loadMovePlan,
  type MovePlan,
  type MoveStep,
  movePayloadSchema,
} from "./move-plan";
import {
  dropSourceReplication,
  dropSubscription,
  publishSource,
  subscribeTarget,
  waitForCopy,
  waitForTargetToApply,
} from "./move-replication";
import { createTargetDatabase, createTargetRole, dropTargetObjects } from "./move-target";

/** How long the catch-up waits for the target to reach where the source stood when the copy ended. */
const CATCHUP_TIMEOUT_MS = 10 * 60_000;

export type MoveJobOptions = ClinicJobOptions & {
  /** Called as each step begins (and with the copy's "n of m tables"); tests throw from it to inject a failure. */
  onMoveStep?: (step: MoveStep, detail?: string) => void | Promise<void>;
};

/**
 * "move-clinic": moves a clinic's database to another server by logical replication, under the
 * clinic's lock for the whole run. Until the central row is switched the clinic serves from the
 * source, and any failure (or the retry after a killed worker) undoes everything the move made on
 * both servers and re-opens the source; once switched, a retry only finishes the cleanup.
 */
export function moveClinicHandler(options: MoveJobOptions): JobHandler {
  return {
    async run(ctx) {
      let plan = await loadMovePlan(ctx, options.env);
      await ctx.locks.lockClinic(plan.clinic.id, CLINIC_LOCK_WAIT_MS);
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: plan.clinic.id };
      if (ctx.retry) await endEarlierSessions(ctx, plan);
      if (isSwitched(plan)) return cleanUp(ctx, plan);
      if (ctx.retry) await undoMove(ctx, plan, own);
      const enter = async (step: MoveStep) => {
        await ctx.step(step);
        await options.onMoveStep?.(step);
      };
      try {
        await enter("check");
        await checkMove(ctx, plan, own);
        await markStarted(ctx);
        plan = { ...plan, payload: { ...plan.payload, started: true } };
        await enter("role");
        await createTargetRole(ctx, plan, own);
        await enter("database");
        await createTargetDatabase(ctx, plan, own, options);
        await enter("access");
        await attemptAdmin(ctx, plan.target, "postgres", (admin) =>
          grantClinicDatabaseAccess(admin, plan.clinic),
        );
        await enter("publish");
        const password = await publishSource(ctx, plan, own);
        await enter("subscribe");
        await subscribeTarget(ctx, plan, password);
        await enter("copy");
        await waitForCopy(ctx, plan, async (done, total) => {
          const detail = `${done} of ${total} tables`;
          await ctx.step(`copy: ${detail}`);
          await options.onMoveStep?.("copy", detail);
        });
        await enter("catchup");
        await catchUp(ctx, plan);
        await enter("cutover");
        await cutOver(ctx, plan);
      } catch (error) {
        // A superseded attempt must not touch what its successor now runs.
        if (!(error instanceof SupersededError) && !ctx.locks.lost.aborted)
          await undoIfNotSwitched(ctx, own, options.env);
        throw error;
      }
      await enter("cleanup");
      await cleanUp(ctx, await loadMovePlan(ctx, options.env));
    },

    async giveUp(ctx, reason) {
      const plan = await loadMovePlan(ctx, options.env);
      await endEarlierSessions(ctx, plan);
      if (isSwitched(plan)) {
        await cleanUp(ctx, plan);
        return `The clinic now serves from server ${plan.target.name}; finishing the move had failed (${reason}) and is now done.`;
      }
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: plan.clinic.id };
      await undoMove(ctx, plan, own);
      return `The move failed: ${reason} The clinic still serves from server ${plan.source.name}; nothing was left on either server.`;
    },
  };
}

/** Whether objects of this move may exist on the servers (from the check passing until an undo finished). */
async function markStarted(ctx: JobContext, started = true): Promise<void> {
  const row = await ctx.central.job.findUniqueOrThrow({ where: { id: ctx.job.id } });
  const payload = movePayloadSchema.parse(row.payload);
  await ctx.fenced((tx) =>
    tx.job.update({ where: { id: ctx.job.id }, data: { payload: { ...payload, started } } }),
  );
}

/** The target applies what the source wrote while the copy ran, up to where the source stands now. */
async function catchUp(ctx: JobContext, plan: MovePlan): Promise<void> {
  await attemptAdmin(ctx, plan.source, "postgres", (source) =>
    waitForTargetToApply(source, {
      slot: plan.replication,
      timeoutMs: CATCHUP_TIMEOUT_MS,
      pollMs: 200,
      checkpoint: ctx.checkpoint,
    }),
  );
}

/** Ends what earlier attempts still run on either server (a CREATE DATABASE, a copy wait). */
async function endEarlierSessions(ctx: JobContext, plan: MovePlan): Promise<void> {
  for (const server of [plan.source, plan.target]) {
    await attemptAdmin(ctx, server, "postgres", (admin) =>
      endEarlierAttempts(admin, { jobId: ctx.job.id, attempt: ctx.attempt.number }),
    );
  }
}

/** Reads the central row again first: a switch whose commit was not heard must never be undone. */
async function undoIfNotSwitched(ctx: JobContext, own: ObjectMarker, env?: NodeJS.ProcessEnv): Promise<void> {
  const plan = await loadMovePlan(ctx, env);
  if (!isSwitched(plan)) await undoMove(ctx, plan, own).catch(() => {});
}

/**
 * Before the switch: the clinic serves from the source again (its role logs in, its database
 * accepts connections) and the subscription, the slot, the publication, the mover login and the
 * target's database and role are gone. Idempotent; nothing is touched before the check passed.
 */
async function undoMove(ctx: JobContext, plan: MovePlan, own: ObjectMarker): Promise<void> {
  const { clinic, source } = plan;
  const payload = movePayloadSchema.parse(
    (await ctx.central.job.findUniqueOrThrow({ where: { id: ctx.job.id } })).payload,
  );
  if (!payload.started) return;
  await attemptAdmin(ctx, source, "postgres", async (admin) => {
    if (clinic.status === "ACTIVE") await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`);
    await admin.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS true`);
  });
  await dropTargetObjects(ctx, plan, own);
  await dropSourceReplication(ctx, plan);
  await markStarted(ctx, false);
}

/**
 * After the switch: the subscription, slot, publication and mover login go; the source database
 * stays fenced (closed, the clinic's role NOLOGIN there) and on the kept list.
 */
async function cleanUp(ctx: JobContext, plan: MovePlan): Promise<void> {
  const { clinic, source } = plan;
  await dropSubscription(ctx, plan.target, plan.replication);
  await dropSourceReplication(ctx, plan);
  await attemptAdmin(ctx, source, "postgres", async (admin) => {
    await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
    await admin.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS false`);
  });
}
