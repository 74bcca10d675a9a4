"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { deleteOwnedClinic } from "@/lib/admin/clinic-lifecycle";
import { deleteClinicSchema } from "@/lib/validations/admin";

/** Owner only, with the subdomain typed as confirmation: drops the database; the subdomain stays reserved. */
export const deleteClinicAction = definePlatformAction({
  schema: deleteClinicSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const clinic = await deleteOwnedClinic({ central: db, actor, ...input });
    return { id: clinic.id, status: clinic.status };
  },
});
