import { changeStaffRole, staffActorOf } from "@/lib/clinic/staff";
import { changeStaffRoleSchema } from "@/lib/validations/staff";
import { defineClinicAction } from "../clinic-action";

export const changeStaffRoleAction = defineClinicAction({
  schema: changeStaffRoleSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    changeStaffRole({ db, actor: staffActorOf(session, client), ...input }),
});
