"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findBackupClinic } from "@/lib/backups/console-access";
import { startClinicRestoreToMoment } from "@/lib/pitr/pitr-console";
import { restoreToMomentSchema } from "@/lib/validations/pitr";

/** Restores a clinic to a moment of its recoverable window, after the subdomain was typed; returns the job to follow. */
export const restoreClinicToMomentAction = definePlatformAction({
  schema: restoreToMomentSchema,
  permission: "backups.manage",
  handler: async ({ input, session, db, actor }) =>
    startClinicRestoreToMoment({
      central: db,
      actor,
      clinic: await findBackupClinic({ central: db, session, clinicId: input.clinicId }),
      moment: input.moment,
      timeZone: input.timeZone,
      confirmation: input.confirmation,
    }),
});
