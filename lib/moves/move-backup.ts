import path from "node:path";
import { createRestoreWorkDir, loadDumpIntoDatabase, removeRestoreWorkDir } from "../backups/restore-steps";
import { dumpDatabaseToFile } from "../backups/take-backup";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/runner";
import type { ClinicJobOptions } from "../tenancy/clinic-job-context";
import { quoteIdent } from "../tenancy/names";
import { pendingDatabaseName } from "../tenancy/server-objects";
import { serverAdminUrl } from "../tenancy/servers";
import { fenceSource, switchCentralRow } from "./move-cutover";
import { attemptAdmin, type MovePlan, type MoveResult, type MoveStep, whileOpenForAdmin } from "./move-plan";
import { readMigrationsUpTo } from "./move-target";

/**
 * Steps fence to switch of a move by backup and restore (MOVE_STEPS.backup), for a source without
 * wal_level=logical: the clinic pauses (fenceSource), its database is dumped with its manifest by
 * the admin (pg_dump carries every sequence's value, so MRNs continue), and the dump becomes the
 * clinic's database on the target exactly as a restore builds one (template0, pg_restore, checked
 * against the manifest, the clinic's grants and access); then the central row switches. The
 * plaintext dump is in the job's own folder only while this runs; a failure leaves what it made
 * to the job's undo.
 */
export async function moveByBackup(
  ctx: JobContext,
  plan: MovePlan,
  options: ClinicJobOptions & { enter: (step: MoveStep) => Promise<void> },
): Promise<MoveResult> {
  const { clinic, source, target } = plan;
  const { enter } = options;
  const env = options.env ?? process.env;
  await enter("fence");
  const started = await fenceSource(ctx, plan);
  const pending = pendingDatabaseName(clinic.databaseName, ctx.attempt.number);
  try {
    await enter("dump");
    const dumpFile = path.join(await createRestoreWorkDir(env, ctx.job.id), "move.dump");
    const manifest = await attemptAdmin(ctx, source, "postgres", (admin) =>
      whileOpenForAdmin(admin, clinic.databaseName, () =>
        dumpDatabaseToFile({
          url: serverAdminUrl(source, clinic.databaseName),
          applicationName: ctx.attempt.applicationName,
          file: dumpFile,
          env,
        }),
      ),
    );
    if (!manifest) {
      throw new AppError("NOT_FOUND", `The clinic's database is missing on server ${source.name}.`);
    }
    await loadDumpIntoDatabase(
      { ...ctx, step: (name) => enter(name as MoveStep) },
      {
        server: target,
        database: pending,
        clinic,
        dumpFile,
        manifest,
        // Up to the version the dump holds: the move brings the clinic over as it is.
        migrations: await readMigrationsUpTo(manifest.schemaVersion, options.schema),
        env,
      },
    );
  } finally {
    await removeRestoreWorkDir(env, ctx.job.id);
  }
  await attemptAdmin(ctx, target, "postgres", (admin) =>
    admin.query(`ALTER DATABASE ${quoteIdent(pending)} RENAME TO ${quoteIdent(clinic.databaseName)}`),
  );
  await enter("switch");
  return switchCentralRow(ctx, plan, started);
}
