import { recordAdminEvent } from "../../admin/audit";
import { startClinicProvisioning } from "../../admin/start-clinic-provisioning";
import { createClinicSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Claims the subdomain at once (taken → CONFLICT now) and provisions the database in the background. */
export const createClinicAction = definePlatformAction({
  schema: createClinicSchema,
  permission: "clinics.create",
  handler: async ({ input, session, db, client }) => {
    const clinic = await startClinicProvisioning({ central: db, ownerId: session.user.id, input });
    await recordAdminEvent({
      central: db,
      session,
      client,
      action: "clinic.create",
      clinic,
      details: { name: clinic.name },
    });
    return { id: clinic.id, name: clinic.name, subdomain: clinic.subdomain };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runCreateClinic(input: unknown) {
  "use server";
  return runPlatformAction(createClinicAction, input);
}
