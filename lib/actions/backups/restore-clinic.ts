"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findBackupClinic } from "@/lib/backups/console-access";
import { startClinicRestore } from "@/lib/backups/console-jobs";
import { restoreClinicSchema } from "@/lib/validations/backups";

/** Restores a clinic from one of its backups, after the subdomain was typed; returns the job to follow. */
export const restoreClinicAction = definePlatformAction({
  schema: restoreClinicSchema,
  permission: "backups.manage",
  handler: async ({ input, session, db, actor }) =>
    startClinicRestore({
      central: db,
      actor,
      clinic: await findBackupClinic({ central: db, session, clinicId: input.clinicId }),
      backupId: input.backupId,
      confirmation: input.confirmation,
    }),
});
