import { createClinicAdmin } from "@/lib/super/clinic-admins";
import { createClinicAdminSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Creates a clinic admin; the temporary password in the result is shown once and stored only as a hash. */
export const createClinicAdminAction = definePlatformAction({
  schema: createClinicAdminSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, session, db, client }) => createClinicAdmin({ central: db, session, client, ...input }),
});

// An inline "use server": a module-level one would also expose the prepared action, which trusts the
// session it is handed, as an endpoint. Pages pass these functions to their client components.
export async function runCreateClinicAdmin(input: unknown) {
  "use server";
  return runPlatformAction(createClinicAdminAction, input);
}
