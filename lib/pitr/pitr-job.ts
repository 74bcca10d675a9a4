import { z } from "zod";
import type { Manifest } from "../backups/manifest";
import { asideDatabaseName } from "../backups/restore-aside";
import { loadDumpIntoDatabase } from "../backups/restore-steps";
import { buildAndSwapDatabase, findFinishedSwap, recoverEarlierAttempt } from "../backups/restore-swap";
import { readMigrationHistory } from "../db/migration-applier";
import { readMigrationFiles } from "../db/migration-files";
import { SCHEMA_LOCATIONS } from "../db/migrations";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, type ClinicJobOptions, loadClinic } from "../tenancy/clinic-job-context";
import { pendingDatabaseName, withAttemptAdmin } from "../tenancy/server-objects";
import { assertBackupHoldsDatabase } from "./backup-sets";
import { type PitrConfig, requirePitrConfig, serverOsUser } from "./pgbackrest";
import { archiveCurrentWal, windowHolding } from "./recoverable-window";
import { prepareScratch, removeScratch, type ScratchPaths, scratchPaths } from "./scratch-folder";
import { startScratchInstance, stopScratchInstance } from "./scratch-instance";
import { dumpScratchDatabase, restoreScratchCluster } from "./scratch-restore";

export const PITR_STEPS = [
  "check",
  "restore-instance",
  "recover",
  "dump",
  "create",
  "restore",
  "verify",
  "migrate",
  "access",
  "swap",
] as const;
export type PitrStep = (typeof PITR_STEPS)[number];

export const pitrResultSchema = z.object({
  suspendedMs: z.number(),
  asideDatabase: z.string(),
});
export const pitrPayloadSchema = z.object({ at: z.iso.datetime(), result: pitrResultSchema.optional() });
export type PitrResult = z.infer<typeof pitrResultSchema>;

export type PitrJobOptions = ClinicJobOptions & {
  /** Called as each step begins; tests throw from it to inject a failure. */
  onPitrStep?: (step: PitrStep) => void | Promise<void>;
};

/**
 * "pitr-restore-clinic": the clinic's database as it was at a moment, from the server's pgBackRest
 * archive. pgBackRest restores the cluster (that database only) into a scratch folder, a scratch
 * PostgreSQL replays WAL up to the moment, the database is dumped from it with its manifest, then
 * restored, verified, migrated forward and swapped in exactly as a restore from a backup. Until
 * the swap the live clinic is untouched; the scratch instance and folder are always removed.
 */
export function pitrRestoreHandler(options: PitrJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      const env = options.env ?? process.env;
      const at = new Date(pitrPayloadSchema.parse(ctx.job.payload).at);
      const enter = async (step: PitrStep) => {
        await ctx.step(step);
        await options.onPitrStep?.(step);
      };
      const stepped: JobContext = { ...ctx, step: (name) => enter(name as PitrStep) };
      await enter("check");
      const config = requirePitrConfig(server);
      const window = await windowHolding(server, at, env);
      await assertBackupHoldsDatabase({ server, window, at, database: clinic.databaseName, env });
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      const paths = scratchPaths(env, ctx.job.id, ctx.attempt.number);
      if (ctx.retry) {
        await recoverEarlierAttempt(ctx, server, clinic);
        await removeScratch(paths);
        if (await finishedSwap(ctx, server, clinic)) return;
      }
      await archiveCurrentWal(server, config);
      const migrations = await readMigrationFiles((options.schema ?? SCHEMA_LOCATIONS.tenant).migrationsDir);
      const pending = pendingDatabaseName(clinic.databaseName, ctx.attempt.number);
      const aside = asideDatabaseName(clinic.databaseName, new Date());
      try {
        const { suspendedMs } = await buildAndSwapDatabase(stepped, {
          server,
          clinic,
          pending,
          aside,
          reason: `${clinic.subdomain}'s database before it was restored to ${at.toISOString()}`,
          build: async () => {
            const manifest = await recoverClinicDatabase(stepped, { config, paths, server, clinic, at, env });
            if (manifest.schemaVersion && !migrations.some((file) => file.name === manifest.schemaVersion)) {
              throw new AppError(
                "INVALID",
                `At that time the clinic's database was at schema version ${manifest.schemaVersion}, which this version of the platform does not know.`,
              );
            }
            await loadDumpIntoDatabase(stepped, {
              server,
              database: pending,
              clinic,
              dumpFile: paths.dumpFile,
              manifest,
              migrations,
              env,
            });
          },
        });
        await finishPitr(ctx, clinic, migrations.at(-1)?.name ?? null, { suspendedMs, asideDatabase: aside });
      } finally {
        await removeScratch(paths);
      }
    },

    async giveUp(ctx, reason) {
      const { clinic, server } = await loadClinic(ctx);
      await recoverEarlierAttempt(ctx, server, clinic);
      await removeScratch(scratchPaths(options.env ?? process.env, ctx.job.id));
      if (await finishedSwap(ctx, server, clinic)) {
        return `The clinic now serves its data as it was at the chosen time, but finishing the restore failed: ${reason}`;
      }
      return `The point-in-time restore failed: ${reason} The clinic still serves its own data, unchanged.`;
    },
  };
}

/**
 * Steps restore-instance, recover and dump: the clinic's database as it was at `at`, as a
 * plaintext dump in the scratch folder, and its manifest. The scratch instance is stopped here.
 */
async function recoverClinicDatabase(
  ctx: JobContext,
  target: {
    config: PitrConfig;
    paths: ScratchPaths;
    server: DatabaseServer;
    clinic: Clinic;
    at: Date;
    env: NodeJS.ProcessEnv;
  },
): Promise<Manifest> {
  const { config, paths, server, clinic, at, env } = target;
  await ctx.step("restore-instance");
  const osUser = await serverOsUser(env);
  await prepareScratch(paths, osUser);
  await restoreScratchCluster(config, paths, { at, database: clinic.databaseName, env });
  await ctx.step("recover");
  const instance = await startScratchInstance({ paths, osUser, adminUser: server.adminUser, env });
  try {
    await ctx.step("dump");
    return await dumpScratchDatabase(instance, clinic.databaseName, {
      env,
      applicationName: ctx.attempt.applicationName,
      at,
    });
  } finally {
    await stopScratchInstance(instance);
  }
}

/**
 * An earlier attempt swapped: only the bookkeeping is left, the schema version included (that
 * attempt migrated the database it swapped in, with its own code's migrations: read them there).
 */
async function finishedSwap(ctx: JobContext, server: DatabaseServer, clinic: Clinic): Promise<boolean> {
  const kept = await findFinishedSwap(ctx, server, clinic);
  if (!kept) return false;
  const history = await withAttemptAdmin(
    server,
    clinic.databaseName,
    ctx.attempt.applicationName,
    readMigrationHistory,
  );
  const schemaVersion = [...history.finished].sort().at(-1) ?? null;
  await finishPitr(ctx, clinic, schemaVersion, { suspendedMs: 0, asideDatabase: kept.databaseName });
  return true;
}

async function finishPitr(
  ctx: JobContext,
  clinic: Clinic,
  schemaVersion: string | null,
  result: PitrResult,
): Promise<void> {
  await ctx.fenced(async (tx) => {
    if (schemaVersion) {
      await tx.clinic.update({
        where: { id: clinic.id },
        data: { schemaVersion, lastMigrationAt: new Date() },
      });
    }
    const payload = pitrPayloadSchema.parse(ctx.job.payload);
    await tx.job.update({ where: { id: ctx.job.id }, data: { payload: { ...payload, result } } });
  });
}
