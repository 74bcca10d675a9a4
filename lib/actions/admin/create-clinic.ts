"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { startClinicProvisioning } from "@/lib/admin/start-clinic-provisioning";
import { createClinicSchema } from "@/lib/validations/admin";

/** Claims the subdomain at once (taken → CONFLICT now) and provisions the database in the background. */
export const createClinicAction = definePlatformAction({
  schema: createClinicSchema,
  permission: "clinics.create",
  handler: async ({ input, db, actor }) => {
    const clinic = await startClinicProvisioning({ central: db, actor, input });
    return { id: clinic.id, name: clinic.name, subdomain: clinic.subdomain };
  },
});
