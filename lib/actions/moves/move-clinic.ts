"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { startClinicMove } from "@/lib/moves/console-move";
import { moveClinicSchema } from "@/lib/validations/moves";

/** Moves a clinic's database to another server, after the subdomain was typed; returns the job to follow (audited). */
export const moveClinicAction = definePlatformAction({
  schema: moveClinicSchema,
  permission: "clinics.move",
  handler: ({ input, db, actor }) => startClinicMove({ central: db, actor, ...input }),
});
