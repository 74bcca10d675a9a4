import { z } from "zod";
import type { SchemaLocation } from "../db/migrations";
import type { Backup, Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, loadClinic } from "../tenancy/clinic-job-context";
import { pendingDatabaseName } from "../tenancy/server-objects";
import type { BackupJobOptions } from "./backup-jobs";
import { asideDatabaseName } from "./restore-aside";
import { checkRestorableBackup, removeRestoreWorkDir, restoreIntoDatabase } from "./restore-steps";
import { buildAndSwapDatabase, findFinishedSwap, recoverEarlierAttempt } from "./restore-swap";

export const restorePayloadSchema = z.object({
  backupId: z.uuid(),
  result: z.object({ suspendedMs: z.number(), asideDatabase: z.string() }).optional(),
});

export type RestoreJobOptions = BackupJobOptions & { schema?: SchemaLocation };

/**
 * "restore-clinic": replaces a clinic's database with one of its backups. The file is checked
 * (SHA-256, then every chunk's tag, into a temporary file) before any database is made; the
 * restored copy is verified against the backup's manifest, migrated forward, given provisioning's
 * access, and only then swapped in. Until the swap the live clinic is untouched; a failure before
 * it drops the copy. Steps: check, lock, decrypt, create, restore, verify, migrate, access, swap.
 */
export function restoreClinicHandler(options: RestoreJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      const env = options.env ?? process.env;
      const { backupId } = restorePayloadSchema.parse(ctx.job.payload);
      await ctx.step("check");
      const restorable = await checkRestorableBackup(ctx, {
        clinicId: clinic.id,
        backupId,
        env,
        schema: options.schema,
      });
      await ctx.step("lock");
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      if (ctx.retry) {
        await recoverEarlierAttempt(ctx, server, clinic);
        await removeRestoreWorkDir(env, ctx.job.id);
        if (await finishedSwap(ctx, server, clinic, restorable.migrations)) return;
      }
      const { backup, migrations } = restorable;
      const aside = asideDatabaseName(clinic.databaseName, new Date());
      const pending = pendingDatabaseName(clinic.databaseName, ctx.attempt.number);
      const { suspendedMs } = await buildAndSwapDatabase(ctx, {
        server,
        clinic,
        pending,
        aside,
        reason: `${clinic.subdomain}'s database before it was restored from backup ${backup.id}`,
        build: () => restoreIntoDatabase(ctx, { server, database: pending, clinic, restorable, env }),
      });
      await finishRestore(ctx, { clinic, backup, migrations, result: { suspendedMs, asideDatabase: aside } });
    },

    async giveUp(ctx, reason) {
      const { clinic, server } = await loadClinic(ctx);
      // Pending databases are named by attempt (<db>_p<n>): another restore of this clinic, holding
      // the lock now, builds one of the same name, which must not be dropped under it.
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      await recoverEarlierAttempt(ctx, server, clinic);
      await removeRestoreWorkDir(options.env ?? process.env, ctx.job.id);
      if (await finishedSwap(ctx, server, clinic, null)) {
        return `The clinic now serves the backup's data, but finishing the restore failed: ${reason}`;
      }
      return `The restore failed: ${reason} The clinic still serves its own data, unchanged.`;
    },
  };
}

/**
 * An earlier attempt swapped (its aside database exists): only settling the aside database (it may
 * have died right after the renames' commit) and the bookkeeping are left.
 */
async function finishedSwap(
  ctx: JobContext,
  server: DatabaseServer,
  clinic: Clinic,
  migrations: { name: string }[] | null,
): Promise<boolean> {
  const kept = await findFinishedSwap(ctx, server, clinic);
  if (!kept) return false;
  const { backupId } = restorePayloadSchema.parse(ctx.job.payload);
  const backup = await ctx.central.backup.findUniqueOrThrow({ where: { id: backupId } });
  await finishRestore(ctx, {
    clinic,
    backup,
    migrations,
    result: { suspendedMs: 0, asideDatabase: kept.databaseName },
  });
  return true;
}

async function finishRestore(
  ctx: JobContext,
  done: {
    clinic: Clinic;
    backup: Backup;
    migrations: { name: string }[] | null;
    result: { suspendedMs: number; asideDatabase: string };
  },
): Promise<void> {
  const schemaVersion = done.migrations?.at(-1)?.name;
  await ctx.fenced(async (tx) => {
    await tx.backup.update({ where: { id: done.backup.id }, data: { verifiedAt: new Date() } });
    if (schemaVersion) {
      await tx.clinic.update({
        where: { id: done.clinic.id },
        data: { schemaVersion, lastMigrationAt: new Date() },
      });
    }
    const payload = restorePayloadSchema.parse(ctx.job.payload);
    await tx.job.update({
      where: { id: ctx.job.id },
      data: { payload: { ...payload, result: done.result } },
    });
  });
}
