"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { addDatabaseServer } from "@/lib/super/servers";
import { addDatabaseServerSchema } from "@/lib/validations/super";

/** Adds a database server after a successful test connection; its admin password is stored encrypted. */
export const addDatabaseServerAction = definePlatformAction({
  schema: addDatabaseServerSchema,
  permission: "servers.manage",
  handler: async ({ input, db, actor }) => {
    const { id } = await addDatabaseServer({ central: db, actor, ...input });
    return { id };
  },
});
