import { z } from "zod";
import { type CentralDb, centralUrlOf } from "../db/central";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { type MoveJobOptions, moveClinicHandler } from "./move-job";
import { type MovePreview, previewMove } from "./move-method";
import { type MoveResult, movePayloadSchema } from "./move-plan";

export const moveRequestSchema = z.object({
  subdomain: z.string().trim().min(1, "Name the clinic to move."),
  toServer: z.string().trim().min(1, "Name the server to move it to."),
  requestedBy: z.string().optional(),
});
export type MoveRequest = z.input<typeof moveRequestSchema>;

/**
 * What `tenant:move` says before it asks: the request checked as moveClinic checks it, and how the
 * move would copy the clinic, read from its server (previewMove). Nothing is queued.
 */
export async function previewClinicMove(options: {
  central: CentralDb;
  request: MoveRequest;
}): Promise<MovePreview & { subdomain: string; toServer: string }> {
  const { clinic, source, target } = await findMoveRequest(options.central, options.request);
  const preview = await previewMove({ source, databaseName: clinic.databaseName });
  return { subdomain: clinic.subdomain, toServer: target.name, ...preview };
}

/**
 * Queues a move of a clinic to another registered server and runs it here (a worker takes it up if
 * this process dies; `onMoveStep` hears the steps this process runs). Refused at once when the
 * clinic has another job queued or running; resolves with the cut-over's result.
 */
export async function moveClinic(
  options: MoveJobOptions & { request: MoveRequest },
): Promise<MoveResult & { jobId: string }> {
  const { central } = options;
  const { clinic, target } = await findMoveRequest(central, options.request);
  const job = await central.$transaction((tx) =>
    enqueueJob(tx, {
      kind: "move-clinic",
      clinicId: clinic.id,
      payload: { sourceServerId: clinic.databaseServerId, targetServerId: target.id },
      requestedBy: options.request.requestedBy,
      maxAttempts: 3,
    }),
  );
  const runner = new JobRunner({
    central,
    centralUrl: centralUrlOf(central),
    handlers: { "move-clinic": moveClinicHandler(options) },
  });
  const done = await runner.runUntilDone(job.id);
  const { result } = movePayloadSchema.parse(done.payload);
  if (!result) throw new AppError("UNAVAILABLE", "The move finished without recording its outcome.");
  return { ...result, jobId: job.id };
}

/** The clinic, its server and the target a request names, refused when the move could not begin. */
async function findMoveRequest(central: CentralDb, input: MoveRequest) {
  const request = moveRequestSchema.parse(input);
  const clinic = await central.clinic.findUnique({
    where: { subdomain: request.subdomain },
    include: { databaseServer: true },
  });
  if (!clinic || clinic.status === "DELETED")
    throw new AppError("NOT_FOUND", `No clinic at ${request.subdomain}.`);
  const target = await central.databaseServer.findUnique({ where: { name: request.toServer } });
  if (!target) throw new AppError("NOT_FOUND", `No database server named ${request.toServer} is registered.`);
  const { databaseServer: source, ...row } = clinic;
  if (!source) throw new AppError("CONFLICT", "The clinic has no database server yet.");
  if (source.id === target.id) {
    throw new AppError("CONFLICT", `${clinic.subdomain} is already on server ${target.name}.`);
  }
  return { clinic: row, source, target };
}
