"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { getClinicProgress } from "@/lib/admin/clinic-progress";
import { clinicIdSchema } from "@/lib/validations/admin";

/**
 * The provisioning progress the console polls (through its status route): the same session, permission and
 * ownership checks as every admin action, for a read that is polled twice a second (not audited).
 */
export const getClinicProgressAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: ({ input, session, db }) =>
    getClinicProgress({ central: db, userId: session.user.id, clinicId: input.clinicId }),
});
