"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { updateDatabaseServer } from "@/lib/super/servers";
import { updateDatabaseServerSchema } from "@/lib/validations/super";

/** Changes a database server's capacity and status (ACTIVE, DRAINING, OFFLINE). */
export const updateDatabaseServerAction = definePlatformAction({
  schema: updateDatabaseServerSchema,
  permission: "servers.manage",
  handler: ({ input, db, actor }) => updateDatabaseServer({ central: db, actor, ...input }),
});
