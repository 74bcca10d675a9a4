"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { setClinicAdminsMayBackup } from "@/lib/backups/console-access";
import { recordCentralAudit } from "@/lib/db/central-audit";
import { backupSettingsSchema } from "@/lib/validations/backups";

/** Whether clinic admins may back up their own clinics and download those backups. */
export const updateBackupSettingsAction = definePlatformAction({
  schema: backupSettingsSchema,
  permission: "backups.manage",
  handler: ({ input, db, actor }) =>
    db.$transaction(async (tx) => {
      await setClinicAdminsMayBackup(tx, input.clinicAdminsMayBackup, actor.id);
      await recordCentralAudit(tx, {
        actor,
        action: "backup.settings",
        target: { type: "user", id: actor.id },
        details: { clinicAdminsMayBackup: input.clinicAdminsMayBackup },
      });
      return { clinicAdminsMayBackup: input.clinicAdminsMayBackup };
    }),
});
