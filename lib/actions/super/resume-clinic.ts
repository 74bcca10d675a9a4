"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { resumeClinic } from "@/lib/super/clinics";
import { resumeClinicSchema } from "@/lib/validations/super";

/** Lets a suspended clinic work again. */
export const resumeClinicAction = definePlatformAction({
  schema: resumeClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, db, actor }) => resumeClinic({ central: db, actor, ...input }),
});
