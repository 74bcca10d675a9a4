"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { resetClinicAdminPassword } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";

/** A new temporary password for a clinic admin (shown once); their sessions end and a change is due. */
export const resetClinicAdminPasswordAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, db, actor }) => resetClinicAdminPassword({ central: db, actor, userId: input.userId }),
});
