import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Job, Prisma } from "../generated/central/client";
import { Prisma as PrismaRuntime } from "../generated/central/client";

export const JOB_KINDS = [
  "provision-clinic",
  "suspend-clinic",
  "resume-clinic",
  "delete-clinic",
  "fleet-rollout",
  "backup-clinic",
  "backup-central",
  "restore-clinic",
  "restore-into-clinic",
  "vacuum-clinic",
  "reindex-clinic",
  "restore-drill",
  "move-clinic",
  "pitr-restore-clinic",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** What each kind of job is called in the console ("…is busy: provisioning"). */
export const JOB_LABELS: Record<JobKind, string> = {
  "provision-clinic": "being set up",
  "suspend-clinic": "being suspended",
  "resume-clinic": "being resumed",
  "delete-clinic": "being deleted",
  "fleet-rollout": "receiving a schema update",
  "backup-clinic": "being backed up",
  "backup-central": "backing up the central database",
  "restore-clinic": "being restored from a backup",
  "restore-into-clinic": "being set up from another clinic's backup",
  "vacuum-clinic": "being vacuumed",
  "reindex-clinic": "having its indexes rebuilt",
  "restore-drill": "having a backup test-restored",
  "move-clinic": "being moved to another database server",
  "pitr-restore-clinic": "being restored to a point in time",
};

export type NewJob = {
  kind: JobKind;
  clinicId?: string;
  payload?: Prisma.InputJsonValue;
  requestedBy?: string;
  maxAttempts?: number;
};

/**
 * How long a new job is kept for the caller that queued it: the caller runs it itself at once
 * (JobRunner.runUntilDone, so a CLI prints its progress and a request needs no worker); workers
 * take it only if the caller has not started it by then (it died in between).
 */
export const CALLER_RESERVATION_MS = 15_000;

/**
 * Queues a job in the caller's transaction, so the change that asks for it (a clinic's claimed
 * row, its new state, the audit row) and the job commit together or not at all. A clinic with a
 * job queued or running refuses a second one (a partial unique index decides races).
 */
export async function enqueueJob(tx: Prisma.TransactionClient, job: NewJob): Promise<Job> {
  if (job.clinicId) {
    const busy = await tx.job.findFirst({
      where: { clinicId: job.clinicId, state: { in: ["QUEUED", "RUNNING"] } },
    });
    if (busy) throw clinicBusy(busy);
  }
  try {
    const created = await tx.job.create({
      data: {
        kind: job.kind,
        clinicId: job.clinicId,
        payload: job.payload ?? {},
        requestedBy: job.requestedBy,
        maxAttempts: job.maxAttempts,
        runAfter: new Date(Date.now() + CALLER_RESERVATION_MS),
      },
    });
    await tx.$executeRaw`SELECT pg_notify('job_queued', ${job.kind})`;
    return created;
  } catch (error) {
    if (error instanceof PrismaRuntime.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "CONFLICT",
        job.kind === "fleet-rollout"
          ? "Another schema rollout is queued or running. Wait for it to finish, then run again."
          : "Another operation is running on this clinic. Try again when it has finished.",
      );
    }
    throw error;
  }
}

function clinicBusy(busy: Job): AppError {
  const label = JOB_LABELS[busy.kind as JobKind] ?? "busy";
  return new AppError("CONFLICT", `The clinic is ${label} right now. Try again when that has finished.`);
}

/** The queued or running job of a clinic, if any (consoles show its step). */
export function findActiveJob(central: CentralDb, clinicId: string): Promise<Job | null> {
  return central.job.findFirst({ where: { clinicId, state: { in: ["QUEUED", "RUNNING"] } } });
}
