"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";

/** Disables a clinic admin and signs them out everywhere at once. */
export const disableClinicAdminAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, db, actor }) =>
    setClinicAdminStatus({ central: db, actor, userId: input.userId, status: "DISABLED" }),
});
