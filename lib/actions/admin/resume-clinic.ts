"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { resumeManagedClinic } from "@/lib/admin/clinic-lifecycle";
import { clinicIdSchema } from "@/lib/validations/admin";

/** Owner or co-admin: resumes the clinic for its staff. */
export const resumeClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const clinic = await resumeManagedClinic({ central: db, actor, clinicId: input.clinicId });
    return { id: clinic.id, status: clinic.status };
  },
});
