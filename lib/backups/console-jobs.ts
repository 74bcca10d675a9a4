import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import { BackupService } from "./backup-service";
import { dropExpiredAsideDatabases, restoreKeepHours } from "./restore-aside";

/** What the console gets back at once: the job to follow (its steps are polled). */
export type StartedBackupJob = { jobId: string };

/**
 * The console's backups and restores: each queues its job together with its central audit row
 * (both or neither), answers with the job's id at once and runs the job after the response; the
 * console follows its steps through the job row. A worker takes the job up if this process dies.
 */
export async function startClinicBackup(options: {
  central: CentralDb;
  actor: Actor;
  clinic: Clinic;
}): Promise<StartedBackupJob> {
  const { central, actor, clinic } = options;
  requireServing(clinic, "backed up");
  const job = await central.$transaction(async (tx) => {
    const queued = await enqueueJob(tx, {
      kind: "backup-clinic",
      clinicId: clinic.id,
      payload: { kind: "MANUAL" },
      requestedBy: actor.id,
      maxAttempts: 3,
    });
    await recordCentralAudit(tx, {
      actor,
      action: "backup.clinic",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, job: queued.id },
    });
    return queued;
  });
  runInBackground(central, job.id);
  return { jobId: job.id };
}

/** The central database (the clinic registry and the encrypted role passwords). */
export async function startCentralBackup(options: {
  central: CentralDb;
  actor: Actor;
}): Promise<StartedBackupJob> {
  const { central, actor } = options;
  const job = await central.$transaction(async (tx) => {
    const running = await tx.job.findFirst({
      where: { kind: "backup-central", state: { in: ["QUEUED", "RUNNING"] } },
    });
    if (running) throw new AppError("CONFLICT", "A backup of the central database is already running.");
    const queued = await enqueueJob(tx, {
      kind: "backup-central",
      payload: { kind: "MANUAL" },
      requestedBy: actor.id,
      maxAttempts: 3,
    });
    await recordCentralAudit(tx, {
      actor,
      action: "backup.central",
      target: { type: "job", id: queued.id },
    });
    return queued;
  });
  runInBackground(central, job.id);
  return { jobId: job.id };
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
  if (options.confirmation !== clinic.subdomain) {
    throw new AppError("INVALID", `Type “${clinic.subdomain}” to confirm.`, {
      confirmation: `Type “${clinic.subdomain}” exactly.`,
    });
  }
  requireServing(clinic, "restored");
  const backup = await central.backup.findFirst({ where: { id: backupId, clinicId: clinic.id } });
  if (!backup) throw new AppError("NOT_FOUND", "This clinic has no such backup.");
  if (backup.status !== "DONE" || !backup.filePath) {
    throw new AppError("CONFLICT", "That backup did not finish; choose a finished one.");
  }
  const job = await central.$transaction(async (tx) => {
    const queued = await enqueueJob(tx, {
      kind: "restore-clinic",
      clinicId: clinic.id,
      payload: { backupId: backup.id },
      requestedBy: actor.id,
      maxAttempts: 3,
    });
    await recordCentralAudit(tx, {
      actor,
      action: "backup.restore",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, backup: backup.id, job: queued.id },
    });
    return queued;
  });
  // Databases set aside by earlier restores, past their keeping time, go first (as the CLI does).
  runInBackground(central, job.id, () => dropExpiredAsideDatabases(central).then(() => {}));
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

function runInBackground(central: CentralDb, jobId: string, before?: () => Promise<void>): void {
  const service = new BackupService({ central });
  const work = (before ? before().catch(() => {}) : Promise.resolve()).then(() =>
    service.jobs.runUntilDone(jobId),
  );
  continueAfterResponse(work, "backup");
}

function requireServing(clinic: Clinic, verb: string): void {
  if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only an active or suspended clinic can be ${verb}.`,
    );
  }
}
