"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deactivateStaffMember } from "@/lib/clinic/staff";
import { staffMemberSchema } from "@/lib/validations/staff";

/** Deactivates a staff member and ends their sessions. */
export const deactivateStaffMemberAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, role, db, actor }) =>
    deactivateStaffMember({ db, actor: { ...actor, role }, staffId: input.staffId }),
});
