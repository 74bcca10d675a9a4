"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findBackupClinic } from "@/lib/backups/console-access";
import { startConsoleRestoreInto } from "@/lib/backups/restore-into-console";
import { restoreIntoClinicSchema } from "@/lib/validations/restore-into-clinic";

/** Restores one of a clinic's backups as a NEW clinic (a copy); returns the job to follow. */
export const restoreIntoClinicAction = definePlatformAction({
  schema: restoreIntoClinicSchema,
  permission: "backups.manage",
  handler: async ({ input, session, db, actor }) =>
    startConsoleRestoreInto({
      central: db,
      actor,
      source: await findBackupClinic({ central: db, session, clinicId: input.clinicId }),
      backupId: input.backupId,
      subdomain: input.subdomain,
      name: input.name,
    }),
});
