import type { JobHandlers } from "../jobs/runner";
import { backupCentralHandler, backupClinicHandler } from "./backup-jobs";
import { type RestoreJobOptions, restoreClinicHandler } from "./restore-job";

/** The handlers of the backup and restore jobs. */
export function backupJobHandlers(options: RestoreJobOptions): JobHandlers {
  return {
    "backup-clinic": backupClinicHandler(options),
    "backup-central": backupCentralHandler(options),
    "restore-clinic": restoreClinicHandler(options),
  };
}
