import { z } from "zod";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import { CLINIC_LOCK_WAIT_MS, loadClinic } from "../tenancy/clinic-job-context";
import { quoteIdent } from "../tenancy/names";
import { failClinicSetUp, setUpClinicRole } from "../tenancy/provisioning-job";
import {
  dropPendingDatabases,
  endEarlierAttempts,
  findServerObjects,
  foreignObjectError,
  isOwnMarker,
  type ObjectMarker,
  pendingDatabaseName,
  platformInstanceId,
  withAttemptAdmin,
} from "../tenancy/server-objects";
import type { RestoreJobOptions } from "./restore-job";
import {
  checkRestorableBackup,
  RESTORE_DATABASE_STEPS,
  type RestorableBackup,
  removeRestoreWorkDir,
  restoreIntoDatabase,
} from "./restore-steps";

export const restoreIntoPayloadSchema = z.object({ backupId: z.uuid(), sourceClinicId: z.uuid() });

/** Step names of a restore into a new clinic, in order (for progress displays). */
export const RESTORE_INTO_STEPS = ["check", "role", ...RESTORE_DATABASE_STEPS, "activate"] as const;

/**
 * "restore-into-clinic": one clinic's backup becomes a NEW clinic (the job's), a copy for training
 * or investigation; the source clinic is not touched. The new clinic's row was claimed like a
 * provisioned one (PROVISIONING); this makes its role as provisioning does, restores the backup
 * under a pending name exactly as a restore does (checked, verified, migrated, its access granted,
 * marked), renames it to the clinic's database and activates the clinic. Everything it makes
 * carries the new clinic's marker: giving up drops it all and marks the clinic FAILED, as a failed
 * provisioning does.
 */
export function restoreIntoClinicHandler(options: RestoreJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      if (clinic.status === "ACTIVE") return;
      if (clinic.status !== "PROVISIONING") {
        throw new AppError(
          "CONFLICT",
          `The clinic is ${clinic.status.toLowerCase()}; it is not being set up.`,
        );
      }
      const env = options.env ?? process.env;
      const { backupId, sourceClinicId } = restoreIntoPayloadSchema.parse(ctx.job.payload);
      await ctx.step("check");
      const restorable = await checkRestorableBackup(ctx, {
        clinicId: sourceClinicId,
        backupId,
        env,
        schema: options.schema,
      });
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: clinic.id };
      const admin = <T>(database: string, work: Parameters<typeof withAttemptAdmin<T>>[3]) =>
        withAttemptAdmin(server, database, ctx.attempt.applicationName, work);
      if (ctx.retry) {
        await admin("postgres", async (client) => {
          await endEarlierAttempts(client, {
            jobId: ctx.job.id,
            attempt: ctx.attempt.number,
            roleName: clinic.roleName,
          });
          await dropPendingDatabases(client, clinic.databaseName);
        });
        await removeRestoreWorkDir(env, ctx.job.id);
      }
      await ctx.step("role");
      await setUpClinicRole(ctx, { clinic, server }, own);
      await ensureRestoredDatabase(ctx, { server, clinic, own, restorable, env });
      await ctx.step("activate");
      // The copy's staff sign in afresh: no session of the source clinic carries over.
      await admin(clinic.databaseName, (client) =>
        client.query("UPDATE staff_sessions SET revoked_at = now() WHERE revoked_at IS NULL"),
      );
      const schemaVersion = restorable.migrations.at(-1)?.name ?? null;
      await ctx.fenced(async (tx) => {
        await tx.backup.update({ where: { id: backupId }, data: { verifiedAt: new Date() } });
        await tx.clinic.update({
          where: { id: clinic.id },
          data: {
            status: "ACTIVE",
            provisioningStep: "active",
            schemaVersion,
            lastMigrationAt: new Date(),
            lastMigrationError: null,
          },
        });
      });
    },

    async giveUp(ctx, reason) {
      const { clinic, server } = await loadClinic(ctx);
      await removeRestoreWorkDir(options.env ?? process.env, ctx.job.id);
      if (clinic.status !== "PROVISIONING") return reason;
      const job = await ctx.central.job.findUnique({ where: { id: ctx.job.id }, select: { step: true } });
      const step = job?.step ?? "check";
      await failClinicSetUp(
        ctx,
        { clinic, server },
        `Restoring a backup into it failed at step “${step}”: ${reason}`,
      );
      return `Restoring the backup into ${clinic.subdomain} failed at step “${step}”: ${reason} Nothing was left behind but the failed clinic's row (remove it, or restore again into the same subdomain); the source clinic was not touched.`;
    },
  };
}

/**
 * The clinic's database: the backup restored under this attempt's pending name and renamed only
 * once complete, so a database with the final name is always a whole, verified copy. One an
 * earlier attempt finished (it carries this clinic's marker) is kept.
 */
async function ensureRestoredDatabase(
  ctx: JobContext,
  target: {
    server: DatabaseServer;
    clinic: Clinic;
    own: ObjectMarker;
    restorable: RestorableBackup;
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  const { server, clinic, own } = target;
  const admin = <T>(database: string, work: Parameters<typeof withAttemptAdmin<T>>[3]) =>
    withAttemptAdmin(server, database, ctx.attempt.applicationName, work);
  const found = await admin("postgres", (client) =>
    findServerObjects(client, { roleName: clinic.roleName, databaseName: clinic.databaseName }),
  );
  if (found.database) {
    if (!isOwnMarker(found.database.marker, own)) throw foreignObjectError("database", clinic.databaseName);
    return;
  }
  const pending = pendingDatabaseName(clinic.databaseName, ctx.attempt.number);
  try {
    await restoreIntoDatabase(ctx, { ...target, database: pending });
    ctx.checkpoint();
    await admin("postgres", (client) =>
      client.query(`ALTER DATABASE ${quoteIdent(pending)} RENAME TO ${quoteIdent(clinic.databaseName)}`),
    );
  } catch (error) {
    await admin("postgres", (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(pending)} WITH (FORCE)`),
    ).catch(() => {});
    throw error;
  }
}
