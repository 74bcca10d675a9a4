"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { suspendClinic } from "@/lib/super/clinics";
import { suspendClinicSchema } from "@/lib/validations/super";

/** Suspends a clinic with a reason: its role cannot log in and its pages say "suspended". */
export const suspendClinicAction = definePlatformAction({
  schema: suspendClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, db, actor }) => suspendClinic({ central: db, actor, ...input }),
});
