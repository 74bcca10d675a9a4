import { recordAdminEvent } from "../../admin/audit";
import { createClinicOpenUrl } from "../../admin/open-clinic";
import { clinicIdSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** A one-time sign-in address for an active clinic the admin owns or co-admins; the browser goes there. */
export const openClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, client }) => {
    const { clinic, url } = await createClinicOpenUrl({
      central: db,
      userId: session.user.id,
      clinicId: input.clinicId,
    });
    // The ticket is a credential: the audit line names the clinic only.
    await recordAdminEvent({ central: db, session, client, action: "clinic.open", clinic });
    return { url };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runOpenClinic(input: unknown) {
  "use server";
  return runPlatformAction(openClinicAction, input);
}
