import type pg from "pg";
import { z } from "zod";
import { LOAD_DUMP_STEPS } from "../backups/restore-steps";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";
import { getTenantNamePrefix, quoteIdent } from "../tenancy/names";
import { withAttemptAdmin } from "../tenancy/server-objects";

/**
 * How a move copies the clinic: by logical replication while it keeps working (a pause of a
 * fraction of a second), or, when the source's wal_level is not logical, by a dump restored on the
 * target with the clinic paused for the whole copy. The check step decides and records it.
 */
export const MOVE_METHODS = ["replication", "backup"] as const;
export type MoveMethod = (typeof MOVE_METHODS)[number];

/** The named steps of a move by each method, in order: what consoles and the CLI show as progress. */
export const MOVE_STEPS = {
  replication: [
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
  ],
  backup: ["check", "role", "fence", "dump", ...LOAD_DUMP_STEPS, "switch", "cleanup"],
} as const satisfies Record<MoveMethod, readonly string[]>;
export type MoveStep = (typeof MOVE_STEPS)[MoveMethod][number];

export const moveResultSchema = z.object({
  /** Moves recorded before there was a choice were by replication. */
  method: z.enum(MOVE_METHODS).default("replication"),
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
  /** What the check decided (absent before it; a move started before there was a choice was by replication). */
  method: z.enum(MOVE_METHODS).optional(),
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

/** The plan as the job's row says now (its payload changes as the move goes: started, method, result). */
export async function loadMovePlan(ctx: JobContext, env?: NodeJS.ProcessEnv): Promise<MovePlan> {
  const row = await ctx.central.job.findUniqueOrThrow({ where: { id: ctx.job.id } });
  const payload = movePayloadSchema.parse(row.payload);
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

/**
 * Runs `work` while `database` accepts connections, for the admin's own sessions: a fenced one is
 * opened for that while (the clinic's role cannot log in there) and closed again after. Resolves
 * null, without running `work`, when the server has no such database.
 */
export async function whileOpenForAdmin<T>(
  admin: pg.Client,
  database: string,
  work: () => Promise<T>,
): Promise<T | null> {
  const { rows } = await admin.query<{ allowed: boolean }>(
    "SELECT datallowconn AS allowed FROM pg_database WHERE datname = $1",
    [database],
  );
  if (!rows[0]) return null;
  const closed = !rows[0].allowed;
  if (closed) await admin.query(`ALTER DATABASE ${quoteIdent(database)} WITH ALLOW_CONNECTIONS true`);
  try {
    return await work();
  } finally {
    if (closed) await admin.query(`ALTER DATABASE ${quoteIdent(database)} WITH ALLOW_CONNECTIONS false`);
  }
}
