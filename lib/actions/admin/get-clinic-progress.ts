import { getClinicProgress } from "../../admin/clinic-progress";
import { clinicIdSchema } from "../../validations/admin";
import { definePlatformAction } from "../platform-action";

/**
 * What the status route handler answers (not a server action): the same session, permission and
 * ownership checks as every admin action, for a read that is polled twice a second (not audited).
 */
export const getClinicProgressAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: ({ input, session, db }) =>
    getClinicProgress({ central: db, userId: session.user.id, clinicId: input.clinicId }),
});
