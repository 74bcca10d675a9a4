"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { retryPlatformClinicSetup } from "@/lib/super/clinics";
import { resumeClinicSchema } from "@/lib/validations/super";

/** Any clinic's failed set-up, again with its first details and owner; it runs on in the background. */
export const retryClinicSetupAction = definePlatformAction({
  schema: resumeClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, db, actor }) => retryPlatformClinicSetup({ central: db, actor, ...input }),
});
