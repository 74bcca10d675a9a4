import { createStaffMember, staffActorOf } from "@/lib/clinic/staff";
import { createStaffMemberSchema } from "@/lib/validations/staff";
import { defineClinicAction } from "../clinic-action";

/** Adds a staff member; the temporary password in the result is shown once and stored only as a hash. */
export const createStaffMemberAction = defineClinicAction({
  schema: createStaffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    createStaffMember({ db, actor: staffActorOf(session, client), input }),
});
