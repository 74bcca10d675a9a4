import { z } from "zod";
import { actorSchema } from "../auth/actor";
import { backupJobHandlers } from "../backups/backup-handlers";
import type { JobContext, JobHandler, JobHandlers } from "../jobs/runner";
import { type ClinicAudit, recordClinicAudit } from "./clinic-audit";
import { CLINIC_LOCK_WAIT_MS, type ClinicJobOptions, loadClinic } from "./clinic-job-context";
import { quoteIdent } from "./names";
import { provisionHandler } from "./provisioning-job";
import {
  dropMarkedClinicObjects,
  dropPendingDatabases,
  platformInstanceId,
  withAttemptAdmin,
} from "./server-objects";

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
    "delete-clinic": deleteHandler(),
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

/** The row already says DELETING: the database and role go, then the row says DELETED. */
function deleteHandler(): JobHandler {
  return {
    async run(ctx) {
      const { clinic, server } = await loadClinic(ctx);
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
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
      const { clinic } = await loadClinic(ctx);
      await ctx.fenced((tx) =>
        tx.clinic.update({ where: { id: clinic.id }, data: { statusReason: reason } }),
      );
      return `The clinic could not be deleted: ${reason} It stays marked as being deleted; try again.`;
    },
  };
}
