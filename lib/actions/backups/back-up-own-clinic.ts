"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findBackupClinic } from "@/lib/backups/console-access";
import { startClinicBackup } from "@/lib/backups/console-jobs";
import { backupClinicSchema } from "@/lib/validations/backups";

/** Clinic admin: backs up a clinic they own or co-admin, while the platform setting allows it. */
export const backUpOwnClinicAction = definePlatformAction({
  schema: backupClinicSchema,
  permission: "backups.own",
  handler: async ({ input, session, db, actor }) =>
    startClinicBackup({
      central: db,
      actor,
      clinic: await findBackupClinic({ central: db, session, ...input }),
    }),
});
