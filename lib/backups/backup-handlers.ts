import type { JobHandler, JobHandlers } from "../jobs/runner";
import { backupCentralHandler, backupClinicHandler } from "./backup-jobs";
import { restoreDrillHandler } from "./drills";
import { restoreIntoClinicHandler } from "./restore-into-job";
import { type RestoreJobOptions, restoreClinicHandler } from "./restore-job";
import { applyRetention } from "./retention-run";

/** The handlers of the backup, restore (in place or into a new clinic) and restore-drill jobs. */
export function backupJobHandlers(options: RestoreJobOptions): JobHandlers {
  return {
    "backup-clinic": withRetention(backupClinicHandler(options), options),
    "backup-central": withRetention(backupCentralHandler(options), options),
    "restore-clinic": restoreClinicHandler(options),
    "restore-into-clinic": restoreIntoClinicHandler(options),
    "restore-drill": restoreDrillHandler(options),
  };
}

/** After each successful backup, retention runs over that clinic's backups (or central's). */
function withRetention(handler: JobHandler, options: RestoreJobOptions): JobHandler {
  return {
    ...handler,
    async run(ctx) {
      await handler.run(ctx);
      // The backup itself succeeded: a retention hiccup is left to the scheduler's hourly sweep.
      await applyRetention(ctx.central, ctx.job.clinicId, { env: options.env }).catch(() => {});
    },
  };
}
