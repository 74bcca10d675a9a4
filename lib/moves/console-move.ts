import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import { type CentralDb, centralUrlOf } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { describeJobError } from "../jobs/errors";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { findDatabaseServers } from "../super/servers";
import { moveClinicHandler } from "./move-job";
import { type MovePreview, previewMove } from "./move-method";
import { MOVE_STEPS, type MoveMethod, type MoveResult, type MoveStep, movePayloadSchema } from "./move-plan";

/** What the move dialog polls while a move runs. */
export type MoveJobProgress = {
  id: string;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  /** How it copies, once its check decided (until then only the check is listed). */
  method: MoveMethod | null;
  /** The step under way (the copy's "n of m tables" apart, in `copy`). */
  step: MoveStep | null;
  steps: readonly MoveStep[];
  copy: { done: number; total: number } | null;
  /** Why it failed, or why the last attempt stopped while it is being retried. */
  error: string | null;
  result: MoveResult | null;
};

/**
 * The console's move: checks the request, queues the job with its central audit row (both or
 * neither), answers with the job's id and runs the job after the response (a worker takes it up if
 * this process dies). What only the servers can say (room, reachability, how it will copy) the
 * job's check step says, before it makes anything.
 */
export async function startClinicMove(options: {
  central: CentralDb;
  actor: Actor;
  clinicId: string;
  toServerId: string;
  confirmation: string;
}): Promise<{ jobId: string }> {
  const { central, actor } = options;
  const clinic = await central.clinic.findFirst({
    where: { id: options.clinicId, status: { not: "DELETED" } },
  });
  if (!clinic) throw new AppError("NOT_FOUND", "There is no such clinic.");
  if (options.confirmation !== clinic.subdomain) {
    throw new AppError("INVALID", `Type “${clinic.subdomain}” to confirm.`, {
      confirmation: `Type “${clinic.subdomain}” exactly.`,
    });
  }
  const target = await central.databaseServer.findUnique({ where: { id: options.toServerId } });
  if (!target) throw new AppError("NOT_FOUND", "That database server is not registered.");
  if (!clinic.databaseServerId) throw new AppError("CONFLICT", "The clinic has no database server yet.");
  if (clinic.databaseServerId === target.id)
    throw new AppError("CONFLICT", `The clinic is already on server ${target.name}.`);
  const job = await central.$transaction(async (tx) => {
    const queued = await enqueueJob(tx, {
      kind: "move-clinic",
      clinicId: clinic.id,
      payload: { sourceServerId: clinic.databaseServerId, targetServerId: target.id },
      requestedBy: actor.id,
      maxAttempts: 3,
    });
    await recordCentralAudit(tx, {
      actor,
      action: "clinic.move",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, toServer: target.name, job: queued.id },
    });
    return queued;
  });
  const runner = new JobRunner({
    central,
    centralUrl: centralUrlOf(central),
    handlers: { "move-clinic": moveClinicHandler({ central }) },
  });
  // A refused or failed move is an outcome, recorded on the job row that the dialog shows: a warning here.
  continueAfterResponse(
    runner
      .runUntilDone(job.id)
      .catch((error: unknown) => console.warn(`[move] job ${job.id} failed: ${describeJobError(error)}`)),
    "move",
  );
  return { jobId: job.id };
}

const COPY_STEP = /^copy: (\d+) of (\d+) tables$/;

export async function findMoveJobProgress(options: {
  central: CentralDb;
  jobId: string;
}): Promise<MoveJobProgress> {
  const job = await options.central.job.findUnique({ where: { id: options.jobId } });
  if (job?.kind !== "move-clinic") throw new AppError("NOT_FOUND", "There is no such move.");
  const payload = movePayloadSchema.safeParse(job.payload);
  const method = payload.success ? (payload.data.method ?? null) : null;
  const steps: readonly MoveStep[] = method ? MOVE_STEPS[method] : ["check"];
  const copy = COPY_STEP.exec(job.step ?? "");
  const step = copy ? "copy" : steps.find((name) => name === job.step);
  return {
    id: job.id,
    state: job.state,
    method,
    step: step ?? null,
    steps,
    copy: copy ? { done: Number(copy[1]), total: Number(copy[2]) } : null,
    error: job.state === "SUCCEEDED" ? null : job.lastError,
    result: payload.success ? (payload.data.result ?? null) : null,
  };
}

/** A server the move dialog lists: where the clinic may go, or why it may not. */
export type MoveTarget = {
  id: string;
  name: string;
  clinics: number;
  capacity: number;
  /** Why the clinic cannot be moved there (its own server, draining, full), or null. */
  unavailable: string | null;
};

/**
 * What the move dialog shows: every registered server with its clinics and capacity, and whether
 * this clinic can be moved there; and how the move would copy it, read from its server (previewMove),
 * null when it has no server yet.
 */
export async function findMoveTargets(options: {
  central: CentralDb;
  clinic: Pick<Clinic, "databaseServerId" | "databaseName">;
}): Promise<{ servers: MoveTarget[]; preview: MovePreview | null }> {
  const { central, clinic } = options;
  const [servers, source] = await Promise.all([
    findDatabaseServers({ central }),
    clinic.databaseServerId
      ? central.databaseServer.findUnique({ where: { id: clinic.databaseServerId } })
      : null,
  ]);
  return {
    servers: servers.map((server) => ({
      id: server.id,
      name: server.name,
      clinics: server.clinics,
      capacity: server.capacity,
      unavailable:
        server.id === clinic.databaseServerId
          ? "the clinic is here"
          : server.status !== "ACTIVE"
            ? server.status.toLowerCase()
            : server.clinics >= server.capacity
              ? "full"
              : null,
    })),
    preview: source ? await previewMove({ source, databaseName: clinic.databaseName }) : null,
  };
}
