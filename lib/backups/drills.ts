import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors";
import type { Backup, DatabaseServer } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import { getTenantNamePrefix, quoteIdent } from "../tenancy/names";
import { withAttemptAdmin } from "../tenancy/server-objects";
import { decryptBackupFile, sha256OfFile } from "./backup-file";
import type { BackupJobOptions } from "./backup-jobs";
import { getBackupKeys } from "./backup-keys";
import { backupDirs, jobWorkDir, resolveBackupFile } from "./backup-store";
import { manifestSchema } from "./manifest";
import { createEmptyDatabase, restoreDump, verifyRestoredDatabase } from "./restore-database";

export const drillPayloadSchema = z.object({
  backupId: z.uuid(),
  clinicId: z.uuid().nullable(),
  /** The schedule's day (platform time) this drill counts for. */
  day: z.string().optional(),
});

/** Step names of a drill, in order. */
export const DRILL_STEPS = ["check", "decrypt", "create", "restore", "verify", "drop"] as const;

/** The scratch database a drill restores into: never a clinic's name, dropped when the drill ends. */
export function drillDatabaseName(backupId: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${getTenantNamePrefix({ env })}drill_${backupId.replace(/-/g, "").slice(0, 20)}`;
}

/**
 * "restore-drill": proves a backup can be restored. Its file is checked (SHA-256, then every
 * chunk's tag while decrypting), restored into a scratch database on the clinic's server (the
 * central database's on the default server), compared with its manifest, and dropped; the backup
 * is then marked verified. The live clinic is not touched. A failure is the job's FAILED outcome,
 * which /super shows against the clinic until a later drill or restore verifies a backup of it.
 */
export function restoreDrillHandler(options: BackupJobOptions): JobHandler {
  return {
    async run(ctx) {
      const env = options.env ?? process.env;
      const { backupId } = drillPayloadSchema.parse(ctx.job.payload);
      const backup = await ctx.central.backup.findUnique({ where: { id: backupId } });
      // Retention removed it since the drill was queued: nothing to prove.
      if (backup?.status !== "DONE" || !backup.filePath) return;
      const server = await drillServer(ctx, backup);
      const scratch = drillDatabaseName(backup.id, env);
      const dirs = backupDirs(env);
      const workDir = jobWorkDir(dirs.dir, ctx.job.id);
      const dumpFile = path.join(workDir, "backup.dump");
      const admin = <T>(database: string, work: Parameters<typeof withAttemptAdmin<T>>[3]) =>
        withAttemptAdmin(server, database, ctx.attempt.applicationName, work);
      try {
        await ctx.step("check");
        const file = resolveBackupFile(dirs.dir, backup.filePath);
        const actual = await sha256OfFile(file).catch(() => null);
        if (actual === null) throw new AppError("NOT_FOUND", "The backup's file is missing from BACKUP_DIR.");
        if (actual !== backup.sha256) {
          throw new AppError(
            "INVALID",
            "The backup file's SHA-256 differs from the one recorded when it was taken: it was changed or damaged.",
          );
        }
        const manifest = manifestSchema.parse(backup.manifest);
        await ctx.step("decrypt");
        await rm(workDir, { recursive: true, force: true });
        await mkdir(workDir, { recursive: true, mode: 0o700 });
        await decryptBackupFile(file, dumpFile, getBackupKeys(env));
        await ctx.step("create");
        await admin("postgres", (client) => createEmptyDatabase(client, scratch, manifest.database));
        await ctx.step("restore");
        await restoreDump({
          server,
          database: scratch,
          dumpFile,
          env,
          applicationName: ctx.attempt.applicationName,
        });
        await ctx.step("verify");
        await admin(scratch, (client) => verifyRestoredDatabase(client, manifest));
        await ctx.step("drop");
      } finally {
        await rm(workDir, { recursive: true, force: true });
        await admin("postgres", (client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`),
        ).catch(() => {});
      }
      await ctx.fenced((tx) =>
        tx.backup.update({ where: { id: backup.id }, data: { verifiedAt: new Date() } }),
      );
    },

    async giveUp(ctx, reason) {
      const env = options.env ?? process.env;
      const { backupId } = drillPayloadSchema.parse(ctx.job.payload);
      await rm(jobWorkDir(backupDirs(env).dir, ctx.job.id), { recursive: true, force: true });
      const backup = await ctx.central.backup.findUnique({ where: { id: backupId } });
      if (backup) {
        const server = await drillServer(ctx, backup).catch(() => null);
        if (server) {
          await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, (client) =>
            client.query(
              `DROP DATABASE IF EXISTS ${quoteIdent(drillDatabaseName(backupId, env))} WITH (FORCE)`,
            ),
          ).catch(() => {});
        }
      }
      const taken = backup
        ? ` taken ${backup.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
        : "";
      return `RESTORE DRILL FAILED: the backup${taken} could not be restored and verified: ${reason}`;
    },
  };
}

async function drillServer(ctx: JobContext, backup: Backup): Promise<DatabaseServer> {
  const server = backup.clinicId
    ? (
        await ctx.central.clinic.findUnique({
          where: { id: backup.clinicId },
          include: { databaseServer: true },
        })
      )?.databaseServer
    : await ctx.central.databaseServer.findFirst({ where: { isDefault: true } });
  if (!server) throw new AppError("NOT_FOUND", "The backup's database server is no longer registered.");
  return server;
}
