import { setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Disables a clinic admin and signs them out everywhere at once. */
export const disableClinicAdminAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, session, db, client }) =>
    setClinicAdminStatus({ central: db, session, client, userId: input.userId, status: "DISABLED" }),
});

export async function runDisableClinicAdmin(input: unknown) {
  "use server";
  return runPlatformAction(disableClinicAdminAction, input);
}
