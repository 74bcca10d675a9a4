import { z } from "zod";
import { actorSchema } from "../auth/actor";
import { backupJobHandlers } from "../backups/backup-handlers";
import { failJobBackup, takeJobBackup } from "../backups/backup-jobs";
import { databaseExists } from "../backups/restore-database";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { describeJobError, isTransientError } from "../jobs/errors";
import type { JobContext, JobHandler, JobHandlers } from "../jobs/runner";
import { type ClinicAudit, recordClinicAudit } from "./clinic-audit";
import { CLINIC_LOCK_WAIT_MS, type ClinicJobOptions, loadClinic } from "./clinic-job-context";
import { quoteIdent } from "./names";
import { provisionHandler } from "./provisioning-job";
import {
  dropMarkedClinicObjects,
  dropPendingDatabases,
  endEarlierAttempts,
  platformInstanceId,
  withAttemptAdmin,
} from "./server-objects";
import { serverAdminUrl } from "./servers";

const auditSchema = z
  .object({
    actor: actorSchema,
    action: z.string(),
    details: z.record(z.string(), z.string()).optional(),
  })
  .optional();

const clinicPayloadSchema = z.object({ audit: auditSchema });

/** The handlers of every clinic job: provisioning, suspend, resume, delete, backup and restore. */
export function clinicJobHandlers(options: ClinicJobOptions): JobHandlers {
  return {
    ...backupJobHandlers(options),
    "provision-clinic": provisionHandler(options),
    "suspend-clinic": suspendHandler(),
    "resume-clinic": resumeHandler(),
    "delete-clinic": deleteHandler(options),
  };
}

function auditOf(ctx: JobContext): ClinicAudit | undefined {
  return clinicPayloadSchema.parse(ctx.job.payload).audit;
}

/** The row already says SUSPENDED (set with the job): the role stops logging in, sessions end. */
function suspendHandler(): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      await ctx.step("suspend");
      await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (admin) => {
        await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [
          clinic.roleName,
        ]);
      });
      // Revoked, not just refused while suspended: a cookie from before must not work after resume.
      await withAttemptAdmin(server, clinic.databaseName, ctx.attempt.applicationName, (admin) =>
        admin.query("UPDATE staff_sessions SET revoked_at = now() WHERE revoked_at IS NULL"),
      );
    },
    async giveUp(ctx, reason) {
      // The row must not say "suspended" while the role can still log in: undo, and say so.
      const { clinic, server } = await loadClinic(ctx);
      await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, (admin) =>
        admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`),
      ).catch(() => {});
      const audit = auditOf(ctx);
      await ctx.fenced(async (tx) => {
        await tx.clinic.update({ where: { id: clinic.id }, data: { status: "ACTIVE", statusReason: null } });
        await recordClinicAudit(tx, clinic, audit && { ...audit, action: `${audit.action}-undone` });
      });
      return `The clinic could not be suspended: ${reason} It is still active.`;
    },
  };
}

function resumeHandler(): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      await ctx.step("resume");
      await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, (admin) =>
        admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`),
      );
    },
    async giveUp(ctx, reason) {
      const { clinic } = await loadClinic(ctx);
      await ctx.fenced((tx) =>
        tx.clinic.update({
          where: { id: clinic.id },
          data: { status: "SUSPENDED", statusReason: `Resuming failed: ${reason}` },
        }),
      );
      return `The clinic could not be resumed: ${reason} It is still suspended; try again.`;
    },
  };
}

const BACKUP_FAILED = "The backup taken before deleting failed:";

/**
 * The row already says DELETING: a BEFORE_DELETE backup is taken (a clinic that was ever active),
 * then the database and role go and the row says DELETED. A failure before the drop leaves the
 * clinic as it was (active or suspended again), with the reason.
 */
function deleteHandler(options: ClinicJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      if (clinic.schemaVersion !== null) await backupBeforeDelete(ctx, options, { clinic, server });
      await ctx.step("drop");
      await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (admin) => {
        if (clinic.schemaVersion === null) {
          // Never active: only what its set-up made (a same-named object it refused to touch stays).
          const own = { instanceId: await platformInstanceId(ctx.central), clinicId: clinic.id };
          await dropMarkedClinicObjects(admin, clinic, own);
          return;
        }
        await dropPendingDatabases(admin, clinic.databaseName);
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(clinic.databaseName)} WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(clinic.roleName)}`);
      });
      await ctx.fenced((tx) =>
        tx.clinic.update({
          where: { id: clinic.id },
          data: { status: "DELETED", deletedAt: new Date(), rolePasswordEncrypted: null },
        }),
      );
    },
    async giveUp(ctx, reason) {
      const { clinic, server } = await loadClinic(ctx);
      const backup = await ctx.central.backup.findUnique({ where: { jobId: ctx.job.id } });
      const backupFailed = backup && backup.status !== "DONE" && !reason.startsWith(BACKUP_FAILED);
      const why = backupFailed ? `${BACKUP_FAILED} ${reason}` : reason;
      if (backup) await failJobBackup(ctx, options, reason);
      const kept = await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (admin) => {
        if (clinic.schemaVersion === null || !(await databaseExists(admin, clinic.databaseName))) return null;
        const { rows } = await admin.query<{ login: boolean }>(
          "SELECT rolcanlogin AS login FROM pg_roles WHERE rolname = $1",
          [clinic.roleName],
        );
        return rows[0] ? { login: rows[0].login } : null;
      }).catch(() => null);
      if (kept) {
        // Nothing was dropped: the clinic is what it was (a suspended clinic's role cannot log in).
        const status = kept.login ? "ACTIVE" : "SUSPENDED";
        const audit = auditOf(ctx);
        await ctx.fenced(async (tx) => {
          await tx.clinic.update({
            where: { id: clinic.id },
            data: { status, statusReason: kept.login ? null : `Deleting it failed: ${why}` },
          });
          await recordClinicAudit(tx, clinic, audit && { ...audit, action: `${audit.action}-undone` });
        });
        return `The clinic could not be deleted: ${why} Nothing was deleted; it is ${status.toLowerCase()} again.`;
      }
      await ctx.fenced((tx) => tx.clinic.update({ where: { id: clinic.id }, data: { statusReason: why } }));
      return `The clinic could not be deleted: ${why} It stays marked as being deleted; try again.`;
    },
  };
}

/** The clinic's last backup, kept for its subdomain's reservation period; a retry keeps one already DONE. */
async function backupBeforeDelete(
  ctx: JobContext,
  options: ClinicJobOptions,
  { clinic, server }: { clinic: Clinic; server: DatabaseServer },
): Promise<void> {
  const present = await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (admin) => {
    if (ctx.retry) await endEarlierAttempts(admin, { jobId: ctx.job.id, attempt: ctx.attempt.number });
    return databaseExists(admin, clinic.databaseName);
  });
  // An earlier attempt dropped the database already (and took the backup before it).
  if (!present) return;
  const earlier = await ctx.central.backup.findUnique({ where: { jobId: ctx.job.id } });
  if (earlier?.status === "DONE") return;
  await ctx.step("backup");
  await takeJobBackup(ctx, options, {
    clinicId: clinic.id,
    folder: clinic.subdomain,
    url: serverAdminUrl(server, clinic.databaseName),
    kind: "BEFORE_DELETE",
  }).catch((error: unknown) => {
    if (isTransientError(error)) throw error;
    const code = error instanceof AppError ? error.code : "UNAVAILABLE";
    throw new AppError(code, `${BACKUP_FAILED} ${describeJobError(error)}`);
  });
}
