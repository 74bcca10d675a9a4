"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { createClinicAdmin } from "@/lib/super/clinic-admins";
import { createClinicAdminSchema } from "@/lib/validations/super";

/** Creates a clinic admin; the temporary password in the result is shown once and stored only as a hash. */
export const createClinicAdminAction = definePlatformAction({
  schema: createClinicAdminSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, db, actor }) => createClinicAdmin({ central: db, actor, ...input }),
});
