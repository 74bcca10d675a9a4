import { z } from "zod";
import { actorSchema } from "../auth/actor";
import { BackupService } from "../backups/backup-service";
import { type CentralDb, centralUrlOf } from "../db/central";
import type { SchemaLocation } from "../db/migrations";
import type { Job } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import { type JobContext, type JobHandler, JobRunner } from "../jobs/runner";
import { type FleetEvent, type FleetSummary, runFleetUpdate } from "./fleet";

/** How long a rollout waits for another operation on a clinic before leaving it for the next run. */
const CLINIC_LOCK_WAIT_MS = 10_000;

/**
 * The job's step (what the dashboard shows) is written at most this often, and at the first and last
 * clinic, instead of a central write per clinic on top of the clinic's own result row.
 */
const STEP_INTERVAL_MS = 1000;

/** Writes "n of m clinics" as the job's step: the first, the last, and at most one a second between. */
function stepWriter(ctx: JobContext) {
  let writtenAt = Number.NEGATIVE_INFINITY;
  return {
    report(done: number, total: number) {
      const now = performance.now();
      if (done !== 0 && done !== total && now - writtenAt < STEP_INTERVAL_MS) return;
      writtenAt = now;
      void ctx.step(`${done} of ${total} clinics`).catch(() => {});
    },
  };
}

/** What a rollout job was asked to do (the CLI's flags, or the dashboard's button). */
export const fleetJobPayloadSchema = z.object({
  concurrency: z.number().int().optional(),
  canary: z.number().int().optional(),
  verify: z.boolean().optional(),
  only: z.array(z.string()).optional(),
  failedOnly: z.boolean().optional(),
  /** Back up each clinic (BEFORE_ROLLOUT) before migrating it. */
  backupFirst: z.boolean().optional(),
  startedBy: actorSchema.optional(),
});
export type FleetJobPayload = z.infer<typeof fleetJobPayloadSchema>;

/**
 * A schema rollout as a job: each clinic is migrated under its clinic lock, and the run stops
 * between clinics when the worker stops or loses the job. Its next attempt resumes: clinics
 * already at the target are not touched, and a migration either applied with its record or not
 * at all. A finished run with failed clinics is a finished job; the failures are on the run.
 */
export function fleetJobHandler(options: {
  env?: NodeJS.ProcessEnv;
  schema?: SchemaLocation;
  onEvent?: (event: FleetEvent) => void;
  onSummary?: (summary: FleetSummary) => void;
}): JobHandler {
  return {
    async run(ctx) {
      const { backupFirst, ...payload } = fleetJobPayloadSchema.parse(ctx.job.payload);
      const progress = stepWriter(ctx);
      const backups = backupFirst ? new BackupService({ central: ctx.central, env: options.env }) : undefined;
      const summary = await runFleetUpdate({
        ...payload,
        central: ctx.central,
        centralUrl: centralUrlOf(ctx.central),
        env: options.env,
        schema: options.schema,
        onEvent: (event) => {
          if (event.type === "start") progress.report(0, event.total);
          if (event.type === "clinic-done") progress.report(event.done, event.total);
          options.onEvent?.(event);
        },
        checkpoint: ctx.checkpoint,
        lockClinic: async (clinicId) => {
          await ctx.locks.lockClinic(clinicId, CLINIC_LOCK_WAIT_MS);
          return () => ctx.locks.unlock("clinic", clinicId);
        },
        beforeClinic: backups
          ? async (clinic) => {
              await backups.backupClinic(clinic.subdomain, { kind: "BEFORE_ROLLOUT" });
            }
          : undefined,
      });
      options.onSummary?.(summary);
    },
    // The fleet's reasons are already sentences for the operator (a refusal, or where it stopped).
    giveUp: async (_ctx, reason) => reason,
  };
}

/**
 * Runs a rollout job in this process (the CLI; the fault script's child) with its progress: a new
 * one with `payload`, or the one already queued or running (whose process may have died: waiting
 * for it takes it up). Resolves with the summary when this process finished the run, or without
 * one when another process did.
 */
export async function runRolloutHere(options: {
  central: CentralDb;
  env?: NodeJS.ProcessEnv;
  schema?: SchemaLocation;
  payload: FleetJobPayload;
  onEvent?: (event: FleetEvent) => void;
  /** Told which job is run, and whether it was already under way. */
  onJob?: (job: Job, alreadyQueued: boolean) => void;
}): Promise<FleetSummary | undefined> {
  const { central } = options;
  let summary: FleetSummary | undefined;
  const runner = new JobRunner({
    central,
    centralUrl: centralUrlOf(central),
    handlers: {
      "fleet-rollout": fleetJobHandler({
        env: options.env,
        schema: options.schema,
        onEvent: options.onEvent,
        onSummary: (done) => {
          summary = done;
        },
      }),
    },
  });
  const active = await central.job.findFirst({
    where: { kind: "fleet-rollout", state: { in: ["QUEUED", "RUNNING"] } },
  });
  const job =
    active ??
    (await central.$transaction((tx) =>
      enqueueJob(tx, { kind: "fleet-rollout", payload: options.payload, maxAttempts: 3 }),
    ));
  options.onJob?.(job, active !== null);
  await runner.runUntilDone(job.id);
  return summary;
}
