import { reactivateStaffMember, staffActorOf } from "@/lib/clinic/staff";
import { staffMemberSchema } from "@/lib/validations/staff";
import { defineClinicAction } from "../clinic-action";

export const reactivateStaffMemberAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    reactivateStaffMember({ db, actor: staffActorOf(session, client), staffId: input.staffId }),
});
