"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { removeCoAdmin } from "@/lib/admin/co-admins";
import { removeCoAdminSchema } from "@/lib/validations/admin";

/** Owner only: the co-admin loses access to the clinic. */
export const removeCoAdminAction = definePlatformAction({
  schema: removeCoAdminSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const { coAdmin } = await removeCoAdmin({
      central: db,
      actor,
      clinicId: input.clinicId,
      coAdminId: input.userId,
    });
    return { userId: coAdmin.id };
  },
});
