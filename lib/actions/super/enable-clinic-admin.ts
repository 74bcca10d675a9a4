"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";

/** Lets a disabled clinic admin sign in again. */
export const enableClinicAdminAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, db, actor }) =>
    setClinicAdminStatus({ central: db, actor, userId: input.userId, status: "ACTIVE" }),
});
