"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findMoveJobProgress } from "@/lib/moves/console-move";
import { moveJobSchema } from "@/lib/validations/moves";

/** A move's steps and outcome, polled by the move dialog (a read: not audited). */
export const getMoveJobAction = definePlatformAction({
  schema: moveJobSchema,
  permission: "clinics.move",
  handler: ({ input, db }) => findMoveJobProgress({ central: db, jobId: input.jobId }),
});
