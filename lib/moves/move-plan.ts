import { z } from "zod";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";
import { getTenantNamePrefix } from "../tenancy/names";
import { withAttemptAdmin } from "../tenancy/server-objects";

/** The named steps of a move, in order: what consoles and the CLI show as progress. */
export const MOVE_STEPS = [
  "check",
  "role",
  "database",
  "access",
  "publish",
  "subscribe",
  "copy",
  "catchup",
  "cutover",
  "cleanup",
] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];

export const moveResultSchema = z.object({
  /** From closing the source database to new connections until the central row pointed at the target. */
  suspendedMs: z.number(),
  fromServer: z.string(),
  toServer: z.string(),
  /** The source database, fenced and listed in kept_databases until the operator removes it. */
  keptDatabase: z.string(),
});
export type MoveResult = z.infer<typeof moveResultSchema>;

export const movePayloadSchema = z.object({
  sourceServerId: z.uuid(),
  targetServerId: z.uuid(),
  /** Set once the check passed: from then on, objects on either server may be this move's. */
  started: z.boolean().optional(),
  result: moveResultSchema.optional(),
});
export type MovePayload = z.infer<typeof movePayloadSchema>;

/** Everything a step needs: the clinic, both servers, and the names of this job's objects. */
export type MovePlan = {
  clinic: Clinic;
  source: DatabaseServer;
  target: DatabaseServer;
  payload: MovePayload;
  /** The publication and replication slot on the source, the subscription on the target. */
  replication: string;
  /** The short-lived login the subscription uses on the source (REPLICATION, reads every table). */
  mover: string;
};

/** One name per job for its publication, slot, subscription and mover role: a retry finds them. */
export function moveObjectName(jobId: string, env?: NodeJS.ProcessEnv): string {
  return `${getTenantNamePrefix({ env })}clinic_move_${jobId.replaceAll("-", "")}`;
}

export async function loadMovePlan(ctx: JobContext, env?: NodeJS.ProcessEnv): Promise<MovePlan> {
  const payload = movePayloadSchema.parse(ctx.job.payload);
  const clinic = await ctx.central.clinic.findUnique({ where: { id: ctx.job.clinicId ?? "" } });
  if (!clinic) throw new AppError("NOT_FOUND", "The clinic of this job no longer exists.");
  const servers = await ctx.central.databaseServer.findMany({
    where: { id: { in: [payload.sourceServerId, payload.targetServerId] } },
  });
  const source = servers.find((server) => server.id === payload.sourceServerId);
  const target = servers.find((server) => server.id === payload.targetServerId);
  if (!source || !target) throw new AppError("NOT_FOUND", "A server of this move is no longer registered.");
  const name = moveObjectName(ctx.job.id, env);
  return { clinic, source, target, payload, replication: name, mover: name };
}

/** The central row already names the target: the move is past its point of no return. */
export function isSwitched(plan: MovePlan): boolean {
  return plan.clinic.databaseServerId === plan.target.id;
}

/** An admin session of this attempt on one of the move's servers. */
export function attemptAdmin<T>(
  ctx: JobContext,
  server: DatabaseServer,
  database: string,
  work: Parameters<typeof withAttemptAdmin<T>>[3],
): Promise<T> {
  return withAttemptAdmin(server, database, ctx.attempt.applicationName, work);
}
