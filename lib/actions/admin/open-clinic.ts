"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { createClinicOpenForm } from "@/lib/admin/open-clinic";
import { clinicIdSchema } from "@/lib/validations/admin";

/** A one-time ticket for an active clinic the admin owns or co-admins; the browser posts it to `action`. */
export const openClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, actor }) => {
    const { action, ticket } = await createClinicOpenForm({
      central: db,
      actor,
      centralSessionId: session.sessionId,
      clinicId: input.clinicId,
    });
    return { action, ticket };
  },
});
