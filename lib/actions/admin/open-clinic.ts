"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { createClinicOpenUrl } from "@/lib/admin/open-clinic";
import { clinicIdSchema } from "@/lib/validations/admin";

/** A one-time sign-in address for an active clinic the admin owns or co-admins; the browser goes there. */
export const openClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, actor }) => {
    const { url } = await createClinicOpenUrl({
      central: db,
      actor,
      centralSessionId: session.sessionId,
      clinicId: input.clinicId,
    });
    return { url };
  },
});
