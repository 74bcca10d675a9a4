import { recordAdminEvent } from "../../admin/audit";
import { deleteOwnedClinic } from "../../admin/clinic-lifecycle";
import { deleteClinicSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Owner only, with the subdomain typed as confirmation: drops the database; the subdomain stays reserved. */
export const deleteClinicAction = definePlatformAction({
  schema: deleteClinicSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, client }) => {
    const clinic = await deleteOwnedClinic({
      central: db,
      userId: session.user.id,
      clinicId: input.clinicId,
      confirmation: input.confirmation,
    });
    await recordAdminEvent({ central: db, session, client, action: "clinic.delete", clinic });
    return { id: clinic.id, status: clinic.status };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runDeleteClinic(input: unknown) {
  "use server";
  return runPlatformAction(deleteClinicAction, input);
}
