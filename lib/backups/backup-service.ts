import { type CentralDb, centralUrlOf } from "../db/central";
import { AppError } from "../errors";
import type { Backup, BackupKind, Clinic, Job } from "../generated/central/client";
import { enqueueJob, type NewJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { backupJobHandlers } from "./backup-handlers";
import { dropExpiredAsideDatabases } from "./restore-aside";
import { findBackupToRestore } from "./restore-choice";
import { type RestoreIntoRequest, startRestoreIntoClinic } from "./restore-into-service";
import { type RestoreJobOptions, restorePayloadSchema } from "./restore-job";
import { RESTORE_DATABASE_STEPS } from "./restore-steps";

export type BackupServiceOptions = RestoreJobOptions & { central: CentralDb };

type OnStep = (step: string) => void;
export type BackupRequest = { kind?: BackupKind; requestedBy?: string; onStep?: OnStep };

export type RestoreOutcome = {
  backup: Backup;
  /** How long connections to the clinic's database were refused during the swap. */
  suspendedMs: number;
  /** The clinic's database from before the restore, kept for RESTORE_KEEP_HOURS. */
  asideDatabase: string;
};

/** Step names of the jobs, in order (for progress displays). */
export const BACKUP_STEPS = ["lock", "snapshot", "manifest", "dump", "copy"] as const;
export const RESTORE_STEPS = ["check", "lock", ...RESTORE_DATABASE_STEPS, "swap"] as const;

/**
 * Backups and restores, each a durable job (lib/jobs) that runs here at once (so a CLI sees its
 * progress and needs no worker) and survives this process: a worker takes it up if it dies.
 */
export class BackupService {
  private readonly central: CentralDb;
  readonly jobs: JobRunner;

  constructor(private readonly options: BackupServiceOptions) {
    this.central = options.central;
    this.jobs = new JobRunner({
      central: options.central,
      centralUrl: centralUrlOf(options.central),
      handlers: backupJobHandlers(options),
    });
  }

  /** Backs up one clinic (active or suspended); resolves with its DONE row, rejects with the reason. */
  async backupClinic(subdomain: string, asked: BackupRequest = {}): Promise<Backup> {
    const clinic = await this.findServingClinic(subdomain, "backed up");
    return this.runBackupJob(
      {
        kind: "backup-clinic",
        clinicId: clinic.id,
        payload: { kind: asked.kind ?? "MANUAL" },
        requestedBy: asked.requestedBy,
      },
      asked.onStep,
    );
  }

  /** Backs up the central database (the clinic registry and the encrypted role passwords). */
  async backupCentral(asked: BackupRequest = {}): Promise<Backup> {
    return this.runBackupJob(
      { kind: "backup-central", payload: { kind: asked.kind ?? "MANUAL" }, requestedBy: asked.requestedBy },
      asked.onStep,
    );
  }

  /** A clinic's backups (or the central database's: null), newest first. */
  async listBackups(subdomain: string | null): Promise<Backup[]> {
    const clinicId = subdomain === null ? null : (await this.findClinic(subdomain)).id;
    return this.central.backup.findMany({ where: { clinicId }, orderBy: { startedAt: "desc" } });
  }

  /**
   * Restores a clinic from one of its backups (`backupId`, else its newest verified one). The live
   * clinic keeps serving until the swap; a failure before it leaves the clinic as it was.
   */
  async restoreClinic(
    subdomain: string,
    asked: { backupId?: string; requestedBy?: string; onStep?: OnStep } = {},
  ): Promise<RestoreOutcome> {
    const clinic = await this.findServingClinic(subdomain, "restored");
    const backup = await findBackupToRestore(this.central, clinic, asked.backupId);
    await dropExpiredAsideDatabases(this.central, this.options.env);
    const job = await this.central.$transaction((tx) =>
      enqueueJob(tx, {
        kind: "restore-clinic",
        clinicId: clinic.id,
        payload: { backupId: backup.id },
        requestedBy: asked.requestedBy,
        maxAttempts: 3,
      }),
    );
    const done = await this.runWatched(job.id, asked.onStep);
    const { result } = restorePayloadSchema.parse(done.payload);
    if (!result) throw new AppError("UNAVAILABLE", "The restore finished without recording its outcome.");
    const restored = await this.central.backup.findUniqueOrThrow({ where: { id: backup.id } });
    return { backup: restored, ...result };
  }

  /**
   * Restores one of a clinic's backups (`backupId`, else its newest verified one) into a NEW clinic
   * at `into` (see startRestoreIntoClinic); the source clinic is not touched. Resolves with the new,
   * active clinic; rejects with the reason, having left nothing but the FAILED clinic row.
   */
  async restoreIntoClinic(
    subdomain: string,
    asked: RestoreIntoRequest & { onStep?: OnStep },
  ): Promise<{ clinic: Clinic; backup: Backup }> {
    const source = await this.findClinic(subdomain);
    const { clinic, job, backup } = await startRestoreIntoClinic(
      this.central,
      source,
      asked,
      this.options.env,
    );
    await this.runWatched(job.id, asked.onStep);
    return {
      clinic: await this.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } }),
      backup: await this.central.backup.findUniqueOrThrow({ where: { id: backup.id } }),
    };
  }

  private async runBackupJob(job: NewJob, onStep: OnStep | undefined): Promise<Backup> {
    const queued = await this.central.$transaction((tx) => enqueueJob(tx, { maxAttempts: 3, ...job }));
    await this.runWatched(queued.id, onStep);
    return this.central.backup.findUniqueOrThrow({ where: { jobId: queued.id } });
  }

  /** Runs the job here; `onStep` hears each step it records (the job row, polled). */
  private async runWatched(jobId: string, onStep: OnStep | undefined): Promise<Job> {
    let last: string | null = null;
    const poll = async () => {
      const job = await this.central.job.findUnique({ where: { id: jobId }, select: { step: true } });
      if (!job?.step || job.step === last) return;
      last = job.step;
      onStep?.(last);
    };
    const timer = onStep ? setInterval(() => void poll().catch(() => {}), 100) : undefined;
    try {
      return await this.jobs.runUntilDone(jobId);
    } finally {
      clearInterval(timer);
      if (onStep) await poll().catch(() => {});
    }
  }

  private async findClinic(subdomain: string): Promise<Clinic> {
    const clinic = await this.central.clinic.findUnique({ where: { subdomain } });
    if (!clinic) throw new AppError("NOT_FOUND", `No clinic at ${subdomain}.`);
    return clinic;
  }

  private async findServingClinic(subdomain: string, verb: string): Promise<Clinic> {
    const clinic = await this.findClinic(subdomain);
    if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") {
      throw new AppError(
        "CONFLICT",
        `The clinic is ${clinic.status.toLowerCase()}; only an active or suspended clinic can be ${verb}.`,
      );
    }
    return clinic;
  }
}
