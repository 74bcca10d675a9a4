"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { removeOwnedStuckClinic } from "@/lib/admin/clinic-recovery";
import { clinicIdSchema } from "@/lib/validations/admin";

/** Owner only: removes a clinic whose set-up failed, or deletes again one whose deletion failed. */
export const removeFailedClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const clinic = await removeOwnedStuckClinic({ central: db, actor, clinicId: input.clinicId });
    return { id: clinic.id, status: clinic.status };
  },
});
