import { addDatabaseServer } from "@/lib/super/servers";
import { addDatabaseServerSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Adds a database server after a successful test connection; its admin password is stored encrypted. */
export const addDatabaseServerAction = definePlatformAction({
  schema: addDatabaseServerSchema,
  permission: "servers.manage",
  handler: async ({ input, session, db, client }) => {
    const { id } = await addDatabaseServer({ central: db, session, client, ...input });
    return { id };
  },
});

export async function runAddDatabaseServer(input: unknown) {
  "use server";
  return runPlatformAction(addDatabaseServerAction, input);
}
