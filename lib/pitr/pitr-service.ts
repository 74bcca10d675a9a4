import { z } from "zod";
import { dropExpiredAsideDatabases } from "../backups/restore-aside";
import { centralUrlOf } from "../db/central";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { assertBackupHoldsDatabase } from "./backup-sets";
import { type PitrJobOptions, type PitrResult, pitrPayloadSchema, pitrRestoreHandler } from "./pitr-job";
import { type RecoverableWindow, windowHolding } from "./recoverable-window";

// An explicit zone or offset: a bare "14:05" would be read in whatever zone this process runs in.
const WITH_ZONE = /(Z|[+-]\d\d(:?\d\d)?)$/i;

/** The restore time an operator typed, e.g. "2026-11-30 14:05:00+01:00" or "2026-11-30T13:05:00Z". */
export const restoreTimeSchema = z
  .string()
  .trim()
  .refine((text) => WITH_ZONE.test(text), {
    message:
      'Give the time with its UTC offset or Z, e.g. "2026-11-30 14:05:00+01:00" or "2026-11-30T13:05:00Z".',
  })
  .transform((text, ctx) => {
    const at = new Date(text.replace(" ", "T"));
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a time, e.g. "2026-11-30T13:05:00Z".` });
      return z.NEVER;
    }
    return at;
  });

export const pitrRequestSchema = z.object({
  subdomain: z.string().trim().min(1, "Name the clinic to restore."),
  at: z.date(),
  requestedBy: z.string().optional(),
});
export type PitrRequest = z.input<typeof pitrRequestSchema>;

export type PitrOutcome = PitrResult & { jobId: string; at: Date; window: RecoverableWindow };

/**
 * Restores a clinic's database to a moment (see pitrRestoreHandler), running the job here (a worker
 * takes it up if this process dies). Refused before anything is queued when the clinic's server
 * has no point-in-time restore or the moment is outside its recoverable window (the message says
 * what the window is).
 */
export async function restoreClinicToTime(
  options: PitrJobOptions & { request: PitrRequest },
): Promise<PitrOutcome> {
  const { central } = options;
  const request = pitrRequestSchema.parse(options.request);
  const clinic = await central.clinic.findUnique({
    where: { subdomain: request.subdomain },
    include: { databaseServer: true },
  });
  if (!clinic || clinic.status === "DELETED")
    throw new AppError("NOT_FOUND", `No clinic at ${request.subdomain}.`);
  if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only an active or suspended clinic can be restored.`,
    );
  }
  if (!clinic.databaseServer) throw new AppError("CONFLICT", "The clinic has no database server yet.");
  const server = clinic.databaseServer;
  const window = await windowHolding(server, request.at, options.env);
  await assertBackupHoldsDatabase({
    server,
    window,
    at: request.at,
    database: clinic.databaseName,
    env: options.env,
  });
  await dropExpiredAsideDatabases(central, options.env);
  const job = await central.$transaction((tx) =>
    enqueueJob(tx, {
      kind: "pitr-restore-clinic",
      clinicId: clinic.id,
      payload: { at: request.at.toISOString() },
      requestedBy: request.requestedBy,
      maxAttempts: 3,
    }),
  );
  const runner = new JobRunner({
    central,
    centralUrl: centralUrlOf(central),
    handlers: { "pitr-restore-clinic": pitrRestoreHandler(options) },
  });
  const done = await runner.runUntilDone(job.id);
  const { result } = pitrPayloadSchema.parse(done.payload);
  if (!result) throw new AppError("UNAVAILABLE", "The restore finished without recording its outcome.");
  return { ...result, jobId: job.id, at: request.at, window };
}
