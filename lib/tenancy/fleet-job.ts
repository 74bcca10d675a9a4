import { z } from "zod";
import { type CentralDb, centralUrlOf } from "../db/central";
import type { SchemaLocation } from "../db/migrations";
import type { Job } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import { type JobHandler, JobRunner } from "../jobs/runner";
import { type FleetEvent, type FleetSummary, runFleetUpdate } from "./fleet";

/** How long a rollout waits for another operation on a clinic before leaving it for the next run. */
const CLINIC_LOCK_WAIT_MS = 10_000;

const actorSchema = z.object({
  id: z.string(),
  email: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

/** What a rollout job was asked to do (the CLI's flags, or the dashboard's button). */
export const fleetJobPayloadSchema = z.object({
  concurrency: z.number().int().optional(),
  canary: z.number().int().optional(),
  verify: z.boolean().optional(),
  only: z.array(z.string()).optional(),
  failedOnly: z.boolean().optional(),
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
      const payload = fleetJobPayloadSchema.parse(ctx.job.payload);
      const summary = await runFleetUpdate({
        ...payload,
        central: ctx.central,
        centralUrl: centralUrlOf(ctx.central),
        env: options.env,
        schema: options.schema,
        onEvent: (event) => {
          if (event.type === "clinic-done" || event.type === "start") {
            void ctx
              .step(`${event.type === "start" ? 0 : event.done} of ${event.total} clinics`)
              .catch(() => {});
          }
          options.onEvent?.(event);
        },
        checkpoint: ctx.checkpoint,
        lockClinic: async (clinicId) => {
          await ctx.locks.lockClinic(clinicId, CLINIC_LOCK_WAIT_MS);
          return () => ctx.locks.unlock("clinic", clinicId);
        },
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
