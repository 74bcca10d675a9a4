import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import { type CentralDb, centralUrlOf } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { listMigrationNames, SCHEMA_LOCATIONS, type SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { describeError } from "../tenancy/fleet-clinic";
import { fleetJobHandler } from "../tenancy/fleet-job";

/** Where every clinic with a database stands against the newest tenant migration. */
export async function findFleetStatus(options: { central: CentralDb; schema?: SchemaLocation }) {
  const { central } = options;
  const migrations = await listMigrationNames((options.schema ?? SCHEMA_LOCATIONS.tenant).migrationsDir);
  const target = migrations.at(-1) ?? null;
  const where = { status: { in: ["ACTIVE" as const, "SUSPENDED" as const] } };
  const [groups, withError] = await Promise.all([
    central.clinic.groupBy({ by: ["schemaVersion"], where, _count: { _all: true } }),
    central.clinic.count({ where: { ...where, lastMigrationError: { not: null } } }),
  ]);
  const versions = groups
    .map((group) => ({
      version: group.schemaVersion,
      clinics: group._count._all,
      // A version this build does not know (newer, or renamed) gets every migration listed as unknown.
      pending: pendingAfter(migrations, group.schemaVersion),
    }))
    .sort((a, b) => (b.version ?? "").localeCompare(a.version ?? ""));
  const total = versions.reduce((sum, group) => sum + group.clinics, 0);
  const atTarget = versions.find((group) => group.version === target)?.clinics ?? 0;
  return { target, versions, total, atTarget, behind: total - atTarget, withError };
}

function pendingAfter(migrations: string[], version: string | null): string[] {
  if (version === null) return migrations;
  const index = migrations.indexOf(version);
  return index === -1 ? [] : migrations.slice(index + 1);
}

export async function findRecentFleetRuns(options: { central: CentralDb; take?: number }) {
  return options.central.fleetRun.findMany({
    orderBy: { startedAt: "desc" },
    take: options.take ?? 10,
    select: {
      id: true,
      status: true,
      targetVersion: true,
      total: true,
      succeeded: true,
      upToDate: true,
      failed: true,
      error: true,
      startedAt: true,
      finishedAt: true,
    },
  });
}

export type FleetRunProgress = {
  id: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  targetVersion: string | null;
  total: number;
  /** Clinics the run migrated. */
  succeeded: number;
  /** Clinics already at the target: nothing to apply. */
  upToDate: number;
  failed: number;
  pending: number;
  skipped: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  failures: { subdomain: string; error: string | null }[];
};

/** A run as its clinics land: counts by outcome and the failures with their errors. */
export async function findFleetRunProgress(options: {
  central: CentralDb;
  runId: string;
}): Promise<FleetRunProgress | null> {
  const { central, runId } = options;
  const run = await central.fleetRun.findUnique({ where: { id: runId } });
  if (!run) return null;
  const [counts, failures] = await Promise.all([
    central.fleetRunResult.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } }),
    central.fleetRunResult.findMany({
      where: { runId, status: "FAILED" },
      select: { error: true, clinic: { select: { subdomain: true } } },
      orderBy: { finishedAt: "asc" },
      take: 100,
    }),
  ]);
  const count = (status: string) => counts.find((group) => group.status === status)?._count._all ?? 0;
  return {
    id: run.id,
    status: run.status,
    targetVersion: run.targetVersion,
    total: run.total,
    succeeded: run.succeeded,
    upToDate: run.upToDate,
    failed: run.failed,
    pending: count("PENDING"),
    skipped: count("SKIPPED"),
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    failures: failures.map((failure) => ({ subdomain: failure.clinic.subdomain, error: failure.error })),
  };
}

export type FleetRolloutOptions = {
  actor: Actor;
  central: CentralDb;
  env?: NodeJS.ProcessEnv;
  schema?: SchemaLocation;
};

/**
 * Queues a rollout of pending tenant migrations as a job and returns its run id as soon as the run
 * is recorded; this process runs the job after the response (a worker takes it over if this
 * process dies). A rollout already queued or running (the CLI's or another dashboard's) is
 * refused with CONFLICT before anything changes.
 */
export async function startFleetRollout(options: FleetRolloutOptions): Promise<{ runId: string }> {
  let announce: (runId: string) => void = () => {};
  const started = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const runner = new JobRunner({
    central: options.central,
    centralUrl: centralUrlOf(options.central),
    handlers: {
      "fleet-rollout": fleetJobHandler({
        env: options.env,
        schema: options.schema,
        onEvent: (event) => {
          if (event.type === "start" && event.runId) announce(event.runId);
        },
      }),
    },
  });
  // The request is audited with the job itself: either both are written or neither.
  const job = await options.central.$transaction(async (tx) => {
    const queued = await enqueueJob(tx, {
      kind: "fleet-rollout",
      payload: { startedBy: options.actor },
      requestedBy: options.actor.id,
      maxAttempts: 3,
    });
    await recordCentralAudit(tx, {
      actor: options.actor,
      action: "fleet.rollout-requested",
      target: { type: "job", id: queued.id },
    });
    return queued;
  });
  // The rest of the run goes on after the response (awaited by settleBackgroundWork in tests).
  const run = runner.runUntilDone(job.id);
  continueAfterResponse(
    run.catch((error: unknown) =>
      console.error(`[fleet] rollout job ${job.id} failed: ${describeError(error)}`),
    ),
    "fleet",
  );
  const runId = await Promise.race([
    started,
    run.then(async () => (await options.central.fleetRun.findFirst({ orderBy: { startedAt: "desc" } }))?.id),
  ]).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError("UNAVAILABLE", `The rollout could not start: ${describeError(error)}`);
  });
  if (!runId) throw new AppError("UNAVAILABLE", "The rollout could not start.");
  return { runId };
}
