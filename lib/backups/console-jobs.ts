import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import type { CentralDb } from "../db/central";
import { type CentralAuditInput, recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Clinic, Job, Prisma } from "../generated/central/client";
import { describeJobError } from "../jobs/errors";
import { enqueueJob, type NewJob } from "../jobs/queue";
import type { JobRunner } from "../jobs/runner";
import { BackupService } from "./backup-service";
import { dropExpiredAsideDatabases, restoreKeepHours } from "./restore-aside";

/** What the console gets back at once: the job to follow (its steps are polled). */
export type StartedBackupJob = { jobId: string };

/**
 * The console's backups and restores, each started by startConsoleJob: its job queued together
 * with its central audit row (both or neither), the job's id answered at once and the job run after
 * the response; the console follows its steps through the job row.
 */
export async function startClinicBackup(options: {
  central: CentralDb;
  actor: Actor;
  clinic: Clinic;
}): Promise<StartedBackupJob> {
  const { central, actor, clinic } = options;
  requireServing(clinic, "backed up");
  return startConsoleJob({
    central,
    actor,
    job: { kind: "backup-clinic", clinicId: clinic.id, payload: { kind: "MANUAL" } },
    audit: (queued) => ({
      action: "backup.clinic",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, job: queued.id },
    }),
  });
}

/** The central database (the clinic registry and the encrypted role passwords). */
export async function startCentralBackup(options: {
  central: CentralDb;
  actor: Actor;
}): Promise<StartedBackupJob> {
  return startConsoleJob({
    ...options,
    job: { kind: "backup-central", payload: { kind: "MANUAL" } },
    check: async (tx) => {
      const running = await tx.job.findFirst({
        where: { kind: "backup-central", state: { in: ["QUEUED", "RUNNING"] } },
      });
      if (running) throw new AppError("CONFLICT", "A backup of the central database is already running.");
    },
    audit: (queued) => ({ action: "backup.central", target: { type: "job", id: queued.id } }),
  });
}

/**
 * Replaces a clinic's database with one of its finished backups, after the person typed the
 * subdomain. The job checks the file before it touches any database; the live clinic serves until
 * the swap, and its database before the restore is kept for RESTORE_KEEP_HOURS.
 */
export async function startClinicRestore(options: {
  central: CentralDb;
  actor: Actor;
  clinic: Clinic;
  backupId: string;
  confirmation: string;
}): Promise<StartedBackupJob> {
  const { central, actor, clinic, backupId } = options;
  requireRestoreConfirmed(clinic, options.confirmation);
  const backup = await central.backup.findFirst({ where: { id: backupId, clinicId: clinic.id } });
  if (!backup) throw new AppError("NOT_FOUND", "This clinic has no such backup.");
  if (backup.status !== "DONE" || !backup.filePath) {
    throw new AppError("CONFLICT", "That backup did not finish; choose a finished one.");
  }
  return startConsoleJob({
    central,
    actor,
    job: { kind: "restore-clinic", clinicId: clinic.id, payload: { backupId: backup.id } },
    audit: (queued) => ({
      action: "backup.restore",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, backup: backup.id, job: queued.id },
    }),
    before: dropExpiredRestoreAsides(central),
  });
}

/** Databases set aside by earlier restores, past their keeping time, go before a restore runs (as the CLI does). */
export function dropExpiredRestoreAsides(central: CentralDb): () => Promise<void> {
  return () => dropExpiredAsideDatabases(central).then(() => {});
}

/**
 * Queues a console job with its central audit row in one transaction (`check` runs first in it),
 * answers with the job's id and runs the job after the response with `runner` (by default the
 * backup jobs'), `before` first; a worker takes the job up if this process dies.
 */
export async function startConsoleJob(options: {
  central: CentralDb;
  actor: Actor;
  job: Omit<NewJob, "requestedBy" | "maxAttempts">;
  audit: (queued: Job) => Omit<CentralAuditInput, "actor">;
  check?: (tx: Prisma.TransactionClient) => Promise<void>;
  runner?: JobRunner;
  before?: () => Promise<void>;
}): Promise<StartedBackupJob> {
  const { central, actor } = options;
  const job = await central.$transaction(async (tx) => {
    await options.check?.(tx);
    const queued = await enqueueJob(tx, { ...options.job, requestedBy: actor.id, maxAttempts: 3 });
    await recordCentralAudit(tx, { actor, ...options.audit(queued) });
    return queued;
  });
  const runner = options.runner ?? new BackupService({ central }).jobs;
  const before = options.before ? options.before().catch(() => {}) : Promise.resolve();
  const { kind } = options.job;
  // A failed or refused job is an outcome, recorded on the job row that the console shows: a warning here.
  continueAfterResponse(
    before
      .then(() => runner.runUntilDone(job.id))
      .catch((error: unknown) => console.warn(`[${kind}] job ${job.id} failed: ${describeJobError(error)}`)),
    kind,
  );
  return { jobId: job.id };
}

/** How long the database a restore replaces is kept, for the dialog's words. */
export function restoreKeepHoursOrDefault(): number {
  try {
    return restoreKeepHours();
  } catch {
    return 24;
  }
}

/** A restore replaces the clinic's data: only after its subdomain was typed, and only of a clinic that serves. */
export function requireRestoreConfirmed(clinic: Clinic, confirmation: string): void {
  if (confirmation !== clinic.subdomain) {
    throw new AppError("INVALID", `Type “${clinic.subdomain}” to confirm.`, {
      confirmation: `Type “${clinic.subdomain}” exactly.`,
    });
  }
  requireServing(clinic, "restored");
}

function requireServing(clinic: Clinic, verb: string): void {
  if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only an active or suspended clinic can be ${verb}.`,
    );
  }
}
