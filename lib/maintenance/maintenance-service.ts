import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import { type CentralDb, centralUrlOf } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Job } from "../generated/central/client";
import { describeJobError } from "../jobs/errors";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { findMaintainedClinic } from "./maintenance-connection";
import {
  MAINTENANCE_JOB_KINDS,
  type MaintenanceOperation,
  maintenanceJobHandlers,
  parseTableStep,
} from "./maintenance-jobs";

type MaintenanceRequest = {
  central: CentralDb;
  subdomain: unknown;
  operation: MaintenanceOperation;
  /** Who asked from the console (audited with the job); the CLI has none. */
  actor?: Actor;
};

function runnerFor(central: CentralDb): JobRunner {
  return new JobRunner({ central, centralUrl: centralUrlOf(central), handlers: maintenanceJobHandlers() });
}

/** Queues a vacuum or reindex of one clinic, audited in the same transaction. */
export async function requestClinicMaintenance(request: MaintenanceRequest): Promise<Job> {
  const clinic = await findMaintainedClinic(request.central, request.subdomain);
  const kind = MAINTENANCE_JOB_KINDS[request.operation];
  return request.central.$transaction(async (tx) => {
    const job = await enqueueJob(tx, {
      kind,
      clinicId: clinic.id,
      requestedBy: request.actor?.id,
      maxAttempts: 3,
    });
    if (request.actor) {
      await recordCentralAudit(tx, {
        actor: request.actor,
        action: `maintenance.${request.operation}-requested`,
        target: { type: "clinic", id: clinic.id },
        details: { subdomain: clinic.subdomain, job: job.id },
      });
    }
    return job;
  });
}

/**
 * The console's button: queues the job and runs it in this process after the response (a worker
 * takes it over if this process dies); the page follows it with findMaintenanceJob.
 */
export async function startClinicMaintenance(
  request: MaintenanceRequest & { actor: Actor },
): Promise<{ jobId: string }> {
  const job = await requestClinicMaintenance(request);
  continueAfterResponse(
    runnerFor(request.central)
      .runUntilDone(job.id)
      .catch((error: unknown) =>
        console.error(`[maintenance] ${job.kind} job ${job.id} failed: ${describeJobError(error)}`),
      ),
    "maintenance",
  );
  return { jobId: job.id };
}

/** The CLI: queues and runs the job here, telling `onStep` each step; rejects with the job's reason. */
export async function runClinicMaintenance(
  request: MaintenanceRequest & { onStep?: (step: string) => void },
): Promise<Job> {
  const job = await requestClinicMaintenance(request);
  let last: string | null = null;
  const poll = async () => {
    const row = await request.central.job.findUnique({ where: { id: job.id }, select: { step: true } });
    if (!row?.step || row.step === last) return;
    last = row.step;
    request.onStep?.(last);
  };
  const timer = request.onStep ? setInterval(() => void poll().catch(() => {}), 200) : undefined;
  try {
    return await runnerFor(request.central).runUntilDone(job.id);
  } finally {
    clearInterval(timer);
    if (request.onStep) await poll().catch(() => {});
  }
}

export type MaintenanceJobProgress = {
  jobId: string;
  operation: MaintenanceOperation;
  state: Job["state"];
  step: string | null;
  tables: { done: number; total: number } | null;
  error: string | null;
};

/** A maintenance job's progress for the console's polling; other kinds of job are not shown. */
export async function findMaintenanceJob(options: {
  central: CentralDb;
  jobId: string;
}): Promise<MaintenanceJobProgress> {
  const job = await options.central.job.findUnique({ where: { id: options.jobId } });
  const operation = job && operationOf(job.kind);
  if (!job || !operation) throw new AppError("NOT_FOUND", "There is no such maintenance job.");
  return {
    jobId: job.id,
    operation,
    state: job.state,
    step: job.step,
    tables: parseTableStep(job.step),
    error: job.state === "SUCCEEDED" ? null : job.lastError,
  };
}

function operationOf(kind: string): MaintenanceOperation | null {
  const entry = Object.entries(MAINTENANCE_JOB_KINDS).find(([, value]) => value === kind);
  return (entry?.[0] as MaintenanceOperation | undefined) ?? null;
}

/** The maintenance jobs queued or running now, by clinic id (so a reloaded page follows them). */
export async function findActiveMaintenanceJobs(central: CentralDb): Promise<Map<string, string>> {
  const jobs = await central.job.findMany({
    where: { kind: { in: Object.values(MAINTENANCE_JOB_KINDS) }, state: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true, clinicId: true },
  });
  return new Map(jobs.flatMap((job) => (job.clinicId ? [[job.clinicId, job.id] as const] : [])));
}
