import { recordAdminEvent } from "../../admin/audit";
import { removeCoAdmin } from "../../admin/co-admins";
import { removeCoAdminSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

export const removeCoAdminAction = definePlatformAction({
  schema: removeCoAdminSchema,
  permission: "clinics.manageOwn",
  handler: async ({ input, session, db, client }) => {
    const { clinic, coAdmin } = await removeCoAdmin({
      central: db,
      userId: session.user.id,
      clinicId: input.clinicId,
      coAdminId: input.userId,
    });
    await recordAdminEvent({
      central: db,
      session,
      client,
      action: "clinic.coAdmin.remove",
      clinic,
      details: { coAdminEmail: coAdmin.email },
    });
    return { userId: coAdmin.id };
  },
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runRemoveCoAdmin(input: unknown) {
  "use server";
  return runPlatformAction(removeCoAdminAction, input);
}
