"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findBackupClinic } from "@/lib/backups/console-access";
import { startClinicBackup } from "@/lib/backups/console-jobs";
import { backupClinicSchema } from "@/lib/validations/backups";

/** Super admin: backs up any active or suspended clinic now; returns the job to follow. */
export const backUpClinicAction = definePlatformAction({
  schema: backupClinicSchema,
  permission: "backups.manage",
  handler: async ({ input, session, db, actor }) =>
    startClinicBackup({
      central: db,
      actor,
      clinic: await findBackupClinic({ central: db, session, ...input }),
    }),
});
