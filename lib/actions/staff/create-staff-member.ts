"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createStaffMember } from "@/lib/clinic/staff";
import { createStaffMemberSchema } from "@/lib/validations/staff";

/** Adds a staff member; the temporary password in the result is shown once and stored only as a hash. */
export const createStaffMemberAction = defineClinicAction({
  schema: createStaffMemberSchema,
  permission: "staff.manage",
  handler: ({ input, role, db, actor }) => createStaffMember({ db, actor: { ...actor, role }, input }),
});
