"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { startFleetRollout } from "@/lib/super/fleet";
import { startFleetRolloutSchema } from "@/lib/validations/super";

/**
 * Starts rolling pending tenant migrations out to every clinic; returns the run id at once and
 * migrates in the background.
 */
export const startFleetRolloutAction = definePlatformAction({
  schema: startFleetRolloutSchema,
  permission: "fleet.run",
  handler: ({ db, actor }) => startFleetRollout({ central: db, actor }),
});
