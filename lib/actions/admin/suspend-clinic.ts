"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { suspendManagedClinic } from "@/lib/admin/clinic-lifecycle";
import { clinicIdSchema } from "@/lib/validations/admin";

/** Owner or co-admin: suspends the clinic for its staff. */
export const suspendClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const clinic = await suspendManagedClinic({ central: db, actor, clinicId: input.clinicId });
    return { id: clinic.id, status: clinic.status };
  },
});
