"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { addCoAdmin } from "@/lib/admin/co-admins";
import { addCoAdminSchema } from "@/lib/validations/admin";

/** Owner only: an existing, active clinic admin becomes co-admin (open, suspend, resume; not delete). */
export const addCoAdminAction = definePlatformAction({
  schema: addCoAdminSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const { coAdmin } = await addCoAdmin({ central: db, actor, ...input });
    return { userId: coAdmin.id, email: coAdmin.email };
  },
});
