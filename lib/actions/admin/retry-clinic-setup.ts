"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { retryManagedClinicSetup } from "@/lib/admin/clinic-recovery";
import { clinicIdSchema } from "@/lib/validations/admin";

/** Retry of a failed set-up (owner or co-admin): answers at once, the set-up runs on in the background. */
export const retryClinicSetupAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, db, actor }) => {
    const clinic = await retryManagedClinicSetup({ central: db, actor, clinicId: input.clinicId });
    return { id: clinic.id, status: clinic.status };
  },
});
