"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { changeStaffRole } from "@/lib/clinic/staff";
import { changeStaffRoleSchema } from "@/lib/validations/staff";

export const changeStaffRoleAction = defineClinicAction({
  schema: changeStaffRoleSchema,
  permission: "staff.manage",
  handler: ({ input, role, db, actor }) => changeStaffRole({ db, actor: { ...actor, role }, ...input }),
});
