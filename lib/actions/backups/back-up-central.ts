"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { startCentralBackup } from "@/lib/backups/console-jobs";
import { backupCentralSchema } from "@/lib/validations/backups";

/** Backs up the central database (the clinic registry and the encrypted role passwords) now. */
export const backUpCentralAction = definePlatformAction({
  schema: backupCentralSchema,
  permission: "backups.manage",
  handler: ({ db, actor }) => startCentralBackup({ central: db, actor }),
});
