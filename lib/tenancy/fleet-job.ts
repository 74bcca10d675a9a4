import { z } from "zod";
import { centralUrlOf } from "../db/central";
import type { SchemaLocation } from "../db/migrations";
import type { JobHandler } from "../jobs/runner";
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
