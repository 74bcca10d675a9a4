"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { resetStaffPassword } from "@/lib/clinic/staff";
import { staffMemberSchema } from "@/lib/validations/staff";

/** A new temporary password for a staff member, shown once; their sessions end and a change is due. */
export const resetStaffPasswordAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: async ({ input, role, db, actor }) => {
    const reset = await resetStaffPassword({ db, actor: { ...actor, role }, staffId: input.staffId });
    return {
      name: reset.staff.name,
      email: reset.staff.email,
      temporaryPassword: reset.temporaryPassword,
      expiresAt: reset.expiresAt,
    };
  },
});
