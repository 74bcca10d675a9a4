import { setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { clinicAdminTargetSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Lets a disabled clinic admin sign in again. */
export const enableClinicAdminAction = definePlatformAction({
  schema: clinicAdminTargetSchema,
  permission: "clinicAdmins.manage",
  handler: ({ input, session, db, client }) =>
    setClinicAdminStatus({ central: db, session, client, userId: input.userId, status: "ACTIVE" }),
});

export async function runEnableClinicAdmin(input: unknown) {
  "use server";
  return runPlatformAction(enableClinicAdminAction, input);
}
