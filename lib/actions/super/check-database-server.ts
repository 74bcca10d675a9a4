"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { checkDatabaseServer } from "@/lib/super/server-checks";
import { checkDatabaseServerSchema } from "@/lib/validations/super";

/** Runs the server's checks now (passwords enforced, shared databases closed, SSL, version). */
export const checkDatabaseServerAction = definePlatformAction({
  schema: checkDatabaseServerSchema,
  permission: "servers.manage",
  handler: ({ input, db }) => checkDatabaseServer({ central: db, serverId: input.serverId }),
});
