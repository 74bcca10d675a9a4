"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { removeFailedPlatformClinic } from "@/lib/super/clinics";
import { resumeClinicSchema } from "@/lib/validations/super";

/** Removes any clinic whose set-up failed, or deletes again one whose deletion failed. */
export const removeFailedClinicAction = definePlatformAction({
  schema: resumeClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, db, actor }) => removeFailedPlatformClinic({ central: db, actor, ...input }),
});
