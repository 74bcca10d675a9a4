import { recordAdminEvent } from "../../admin/audit";
import { addCoAdmin } from "../../admin/co-admins";
import { addCoAdminSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Owner only: an existing, active clinic admin becomes co-admin (open, suspend, resume; not delete). */
export const addCoAdminAction = definePlatformAction({
  schema: addCoAdminSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, client }) => {
    const { clinic, coAdmin } = await addCoAdmin({
      central: db,
      userId: session.user.id,
      clinicId: input.clinicId,
      email: input.email,
    });
    await recordAdminEvent({
      central: db,
      session,
      client,
      action: "clinic.coAdmin.add",
      clinic,
      details: { coAdminEmail: coAdmin.email },
    });
    return { userId: coAdmin.id, email: coAdmin.email };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runAddCoAdmin(input: unknown) {
  "use server";
  return runPlatformAction(addCoAdminAction, input);
}
