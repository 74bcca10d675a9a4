import { removeRestoreWorkDir } from "../backups/restore-steps";
import { SupersededError } from "../jobs/errors";
import type { JobContext, JobHandler } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, type ClinicJobOptions } from "../tenancy/clinic-job-context";
import { grantClinicDatabaseAccess } from "../tenancy/clinic-schema";
import { quoteIdent } from "../tenancy/names";
import { endEarlierAttempts, type ObjectMarker, platformInstanceId } from "../tenancy/server-objects";
import { moveByBackup } from "./move-backup";
import { checkMove } from "./move-check";
import { cutOver } from "./move-cutover";
import {
  attemptAdmin,
  isSwitched,
  loadMovePlan,
  type MovePayload,
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
 * "move-clinic": moves a clinic's database to another server under the clinic's lock for the whole
 * run, by logical replication, or by backup and restore when the source's wal_level is not logical
 * (the check decides and records which). Until the central row is switched the clinic serves from
 * the source, and any failure (or the retry after a killed worker) undoes everything the move made
 * on both servers and re-opens the source; once switched, a retry only finishes the cleanup.
 */
export function moveClinicHandler(options: MoveJobOptions): JobHandler {
  return {
    async run(ctx) {
      let plan = await loadMovePlan(ctx, options.env);
      await ctx.locks.lockClinic(plan.clinic.id, CLINIC_LOCK_WAIT_MS);
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: plan.clinic.id };
      if (ctx.retry) await endEarlierSessions(ctx, plan);
      if (isSwitched(plan)) return cleanUp(ctx, plan, options.env);
      if (ctx.retry) await undoMove(ctx, plan, own, options.env);
      const enter = async (step: MoveStep) => {
        await ctx.step(step);
        await options.onMoveStep?.(step);
      };
      try {
        await enter("check");
        const method = await checkMove(ctx, plan, own, options.env);
        plan = { ...plan, payload: await markStarted(ctx, { started: true, method }) };
        await enter("role");
        await createTargetRole(ctx, plan, own);
        if (method === "backup") await moveByBackup(ctx, plan, { ...options, enter });
        else await moveByReplication(ctx, plan, own, { ...options, enter });
      } catch (error) {
        // A superseded attempt must not touch what its successor now runs.
        if (!(error instanceof SupersededError) && !ctx.locks.lost.aborted)
          await undoIfNotSwitched(ctx, own, options.env);
        throw error;
      }
      await enter("cleanup");
      await cleanUp(ctx, await loadMovePlan(ctx, options.env), options.env);
    },

    async giveUp(ctx, reason) {
      const plan = await loadMovePlan(ctx, options.env);
      await endEarlierSessions(ctx, plan);
      if (isSwitched(plan)) {
        await cleanUp(ctx, plan, options.env);
        return `The clinic now serves from server ${plan.target.name}; finishing the move had failed (${reason}) and is now done.`;
      }
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: plan.clinic.id };
      await undoMove(ctx, plan, own, options.env);
      return `The move failed: ${reason} The clinic still serves from server ${plan.source.name}; nothing was left on either server.`;
    },
  };
}

/**
 * Steps database to cutover of a move by logical replication (MOVE_STEPS.replication): an empty
 * database with the clinic's schema, a publication and a subscription that copy every row and
 * stream what is written meanwhile, then the cut-over.
 */
async function moveByReplication(
  ctx: JobContext,
  plan: MovePlan,
  own: ObjectMarker,
  options: MoveJobOptions & { enter: (step: MoveStep) => Promise<void> },
): Promise<void> {
  const { enter } = options;
  await enter("database");
  await createTargetDatabase(ctx, plan, own, options);
  await enter("access");
  await attemptAdmin(ctx, plan.target, "postgres", (admin) => grantClinicDatabaseAccess(admin, plan.clinic));
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
}

/**
 * Records on the job's row whether objects of this move may exist on the servers (from the check
 * passing until an undo finished) and how it copies; resolves with the payload as written.
 */
async function markStarted(
  ctx: JobContext,
  changes: Pick<MovePayload, "started" | "method">,
): Promise<MovePayload> {
  const row = await ctx.central.job.findUniqueOrThrow({ where: { id: ctx.job.id } });
  const payload = { ...movePayloadSchema.parse(row.payload), ...changes };
  await ctx.fenced((tx) => tx.job.update({ where: { id: ctx.job.id }, data: { payload } }));
  return payload;
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
  if (!isSwitched(plan)) await undoMove(ctx, plan, own, env).catch(() => {});
}

/**
 * Before the switch: the clinic serves from the source again (its role logs in, its database
 * accepts connections), and what the move made is gone: the target's database and role, and what
 * carried the copy. Idempotent; nothing is touched before the check passed.
 */
async function undoMove(
  ctx: JobContext,
  plan: MovePlan,
  own: ObjectMarker,
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const { clinic, source } = plan;
  if (!plan.payload.started) return;
  await attemptAdmin(ctx, source, "postgres", async (admin) => {
    if (clinic.status === "ACTIVE") await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`);
    await admin.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS true`);
  });
  await dropTargetObjects(ctx, plan, own);
  await dropCopyMeans(ctx, plan, env);
  await markStarted(ctx, { started: false });
}

/**
 * After the switch: what carried the copy goes; the source database stays fenced (closed, the
 * clinic's role NOLOGIN there) and on the kept list.
 */
async function cleanUp(ctx: JobContext, plan: MovePlan, env?: NodeJS.ProcessEnv): Promise<void> {
  const { clinic, source } = plan;
  await dropCopyMeans(ctx, plan, env);
  await attemptAdmin(ctx, source, "postgres", async (admin) => {
    await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
    await admin.query(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} WITH ALLOW_CONNECTIONS false`);
  });
}

/**
 * What carried the copy: the subscription, the slot, the publication and the mover login of a move
 * by replication; the job's folder of a move by backup (its plaintext dump, if a killed attempt
 * left one).
 */
async function dropCopyMeans(ctx: JobContext, plan: MovePlan, env?: NodeJS.ProcessEnv): Promise<void> {
  if (plan.payload.method === "backup") return removeRestoreWorkDir(env ?? process.env, ctx.job.id);
  await dropSubscription(ctx, plan.target, plan.replication);
  await dropSourceReplication(ctx, plan);
}
