"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { resetStaffPassword } from "@/lib/clinic/staff-password-reset";
import { getCentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { staffMemberSchema } from "@/lib/validations/staff";

/** A new temporary password for a staff member, shown once; their sessions end and a change is due. */
export const resetStaffPasswordAction = defineClinicAction({
  schema: staffMemberSchema,
  permission: "staff.manage",
  handler: async ({ input, role, session, db, actor }) => {
    if (session.realm.kind !== "clinic")
      throw new AppError("FORBIDDEN", "This belongs to a clinic's address.");
    const reset = await resetStaffPassword({
      db,
      central: getCentralDb(),
      subdomain: session.realm.subdomain,
      actor: { ...actor, role },
      staffId: input.staffId,
    });
    return {
      name: reset.staff.name,
      email: reset.staff.email,
      temporaryPassword: reset.temporaryPassword,
      expiresAt: reset.expiresAt,
    };
  },
});
