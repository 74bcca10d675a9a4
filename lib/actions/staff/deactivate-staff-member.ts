import { deactivateStaffMember, staffActorOf } from "@/lib/clinic/staff";
import { staffMemberSchema } from "@/lib/validations/staff";
import { defineClinicAction } from "../clinic-action";

/** Deactivates a staff member and ends their sessions. */
export const deactivateStaffMemberAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    deactivateStaffMember({ db, actor: staffActorOf(session, client), staffId: input.staffId }),
});
