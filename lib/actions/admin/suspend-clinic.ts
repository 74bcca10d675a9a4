import { recordAdminEvent } from "../../admin/audit";
import { suspendManagedClinic } from "../../admin/clinic-lifecycle";
import { clinicIdSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

export const suspendClinicAction = definePlatformAction({
  schema: clinicIdSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, client }) => {
    const clinic = await suspendManagedClinic({
      central: db,
      userId: session.user.id,
      clinicId: input.clinicId,
    });
    await recordAdminEvent({ central: db, session, client, action: "clinic.suspend", clinic });
    return { id: clinic.id, status: clinic.status };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runSuspendClinic(input: unknown) {
  "use server";
  return runPlatformAction(suspendClinicAction, input);
}
