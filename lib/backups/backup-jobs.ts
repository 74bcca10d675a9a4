import { z } from "zod";
import { centralUrlOf } from "../db/central";
import type { Backup, BackupKind } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import { loadClinic } from "../tenancy/clinic-job-context";
import { endEarlierAttempts, withAttemptAdmin } from "../tenancy/server-objects";
import { serverAdminUrl } from "../tenancy/servers";
import { getBackupKeys } from "./backup-keys";
import {
  asBackupError,
  backupDirs,
  backupFilePath,
  CENTRAL_FOLDER,
  copyBackup,
  describeBackupFailure,
  ensureFolder,
  removeBackupFiles,
  resolveBackupFile,
} from "./backup-store";
import { writeCentralManifestFile } from "./central-manifest-file";
import { BACKUP_LOCK_WAIT_MS, dumpDatabase } from "./take-backup";

export const backupPayloadSchema = z.object({
  kind: z.enum(["MANUAL", "SCHEDULED", "BEFORE_DELETE", "BEFORE_ROLLOUT"]).default("MANUAL"),
});

export type BackupJobOptions = { env?: NodeJS.ProcessEnv };

/**
 * "backup-clinic": one clinic's database, under the clinic's lock taken with a short wait (a
 * backup never queues in front of a rollout: it fails and can be taken again), in steps lock,
 * snapshot, manifest, dump, copy. The job's backup row says RUNNING, then DONE or FAILED with the
 * reason; a retried job takes the backup again under the same row.
 */
export function backupClinicHandler(options: BackupJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await ctx.step("lock");
      await ctx.locks.lockClinic(clinic.id, BACKUP_LOCK_WAIT_MS);
      if (ctx.retry) {
        await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, (admin) =>
          endEarlierAttempts(admin, { jobId: ctx.job.id, attempt: ctx.attempt.number }),
        );
      }
      await takeJobBackup(ctx, options, {
        clinicId: clinic.id,
        folder: clinic.subdomain,
        url: serverAdminUrl(server, clinic.databaseName),
      });
    },
    giveUp: (ctx, reason) => failJobBackup(ctx, options, reason),
  };
}

/** "backup-central": the central database (the clinic registry and its encrypted role passwords). */
export function backupCentralHandler(options: BackupJobOptions): JobHandler {
  return {
    async run(ctx) {
      await takeJobBackup(ctx, options, {
        clinicId: null,
        folder: CENTRAL_FOLDER,
        url: centralUrlOf(ctx.central),
      });
    },
    giveUp: (ctx, reason) => failJobBackup(ctx, options, reason),
  };
}

/**
 * Takes the job's backup of `target` under the job's own backup row (one per job); `kind` when the
 * job is not a backup job (a delete's BEFORE_DELETE), else the payload's. Throws the reason.
 */
export async function takeJobBackup(
  ctx: JobContext,
  options: BackupJobOptions,
  target: { clinicId: string | null; folder: string; url: string; kind?: BackupKind },
): Promise<void> {
  const env = options.env ?? process.env;
  const keys = getBackupKeys(env);
  const dirs = backupDirs(env);
  const kind = target.kind ?? backupPayloadSchema.parse(ctx.job.payload).kind;
  const backup = await startJobBackup(ctx, dirs, { clinicId: target.clinicId, kind });
  const filePath = backupFilePath(target.folder, backup.id, backup.startedAt);
  await ensureFolder(dirs.dir, target.folder);
  try {
    const { manifest, sealed } = await dumpDatabase({
      url: target.url,
      applicationName: ctx.attempt.applicationName,
      file: resolveBackupFile(dirs.dir, filePath),
      key: keys.writer,
      env,
      step: ctx.step,
    });
    // The central database's manifest also goes beside its file: a restore of a lost central
    // database cannot read it from the row.
    const manifestFile =
      target.clinicId === null
        ? await writeCentralManifestFile(
            dirs.dir,
            filePath,
            {
              backupId: backup.id,
              takenAt: backup.startedAt.toISOString(),
              sha256: sealed.sha256,
              sizeBytes: sealed.sizeBytes,
              manifest,
            },
            keys.writer,
          )
        : undefined;
    await ctx.fenced((tx) =>
      tx.backup.update({
        where: { id: backup.id },
        data: {
          status: "DONE",
          finishedAt: new Date(),
          filePath,
          sizeBytes: sealed.sizeBytes,
          sha256: sealed.sha256,
          keyId: sealed.keyId,
          schemaVersion: manifest.schemaVersion,
          manifest,
        },
      }),
    );
    if (dirs.copyDir) {
      await ctx.step("copy");
      // The backup itself is good: a failed copy is recorded on it, not a failed backup.
      const copied = await copyBackup(dirs, filePath, sealed.sha256)
        .then(() => manifestFile && copyBackup(dirs, manifestFile.relative, manifestFile.sha256))
        .then(
          () => ({ copiedAt: new Date() }),
          (error: unknown) => ({
            error: `Copying it to BACKUP_COPY_DIR failed: ${describeBackupFailure(error)}`,
          }),
        );
      await ctx.fenced((tx) => tx.backup.update({ where: { id: backup.id }, data: copied }));
    }
  } catch (error) {
    await removeBackupFiles(dirs, filePath);
    throw asBackupError(error);
  }
}

/** The job's backup row, RUNNING from now (a retry's earlier file is removed first). */
async function startJobBackup(
  ctx: JobContext,
  dirs: ReturnType<typeof backupDirs>,
  row: { clinicId: string | null; kind: BackupKind },
): Promise<Backup> {
  const earlier = await ctx.central.backup.findUnique({ where: { jobId: ctx.job.id } });
  if (earlier?.filePath) await removeBackupFiles(dirs, earlier.filePath);
  const fresh = {
    status: "RUNNING" as const,
    startedAt: new Date(),
    finishedAt: null,
    error: null,
    filePath: null,
  };
  return ctx.fenced((tx) =>
    tx.backup.upsert({
      where: { jobId: ctx.job.id },
      create: { ...row, jobId: ctx.job.id, requestedBy: ctx.job.requestedBy },
      update: fresh,
    }),
  );
}

export async function failJobBackup(
  ctx: JobContext,
  options: BackupJobOptions,
  reason: string,
): Promise<string> {
  const backup = await ctx.central.backup.findUnique({ where: { jobId: ctx.job.id } });
  const dirs = backupDirs(options.env ?? process.env);
  if (backup?.filePath && backup.status !== "DONE") await removeBackupFiles(dirs, backup.filePath);
  if (backup && backup.status !== "DONE") {
    await ctx.fenced((tx) =>
      tx.backup.update({
        where: { id: backup.id },
        data: { status: "FAILED", finishedAt: new Date(), error: reason, filePath: null },
      }),
    );
  }
  return `The backup failed: ${reason}`;
}
