"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { reactivateStaffMember } from "@/lib/clinic/staff";
import { staffMemberSchema } from "@/lib/validations/staff";

export const reactivateStaffMemberAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, role, db, actor }) =>
    reactivateStaffMember({ db, actor: { ...actor, role }, staffId: input.staffId }),
});
