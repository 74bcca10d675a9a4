"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { updateBackupSettings } from "@/lib/backups/schedule-settings";
import { backupScheduleSchema } from "@/lib/validations/backup-schedule";

/** The backup hour, how many daily and weekly backups are kept, the verified-backup age limit and drills a day. */
export const updateBackupScheduleAction = definePlatformAction({
  schema: backupScheduleSchema,
  permission: "backups.manage",
  handler: ({ input, db, actor }) => updateBackupSettings({ central: db, actor, settings: input }),
});
