import { resetClinicAdminPassword } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** A new temporary password for a clinic admin (shown once); their sessions end and a change is due. */
export const resetClinicAdminPasswordAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, session, db, client }) =>
    resetClinicAdminPassword({ central: db, session, client, userId: input.userId }),
});

export async function runResetClinicAdminPassword(input: unknown) {
  "use server";
  return runPlatformAction(resetClinicAdminPasswordAction, input);
}
