import { updateDatabaseServer } from "@/lib/super/servers";
import { updateDatabaseServerSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Changes a database server's capacity and status (ACTIVE, DRAINING, OFFLINE). */
export const updateDatabaseServerAction = definePlatformAction({
  schema: updateDatabaseServerSchema,
  permission: "servers.manage",
  handler: ({ input, session, db, client }) =>
    updateDatabaseServer({ central: db, session, client, ...input }),
});

export async function runUpdateDatabaseServer(input: unknown) {
  "use server";
  return runPlatformAction(updateDatabaseServerAction, input);
}
