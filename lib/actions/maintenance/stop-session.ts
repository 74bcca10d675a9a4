"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { stopSession } from "@/lib/maintenance/sessions";
import { stopSessionSchema } from "@/lib/validations/maintenance";

/**
 * Cancels a long query or ends its session, only in a clinic database of this platform (audited
 * before the signal is sent).
 */
export const stopSessionAction = definePlatformAction({
  schema: stopSessionSchema,
  permission: "maintenance.run",
  handler: ({ input, db, actor }) => stopSession({ central: db, actor, ...input }),
});
