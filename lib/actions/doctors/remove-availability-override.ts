"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { removeAvailabilityOverride } from "@/lib/clinic/availability-overrides";
import { overrideIdSchema } from "@/lib/validations/doctors";

/** Removes one entry of time off or extra hours. */
export const removeAvailabilityOverrideAction = defineClinicAction({
  schema: overrideIdSchema,
  permission: "staff.manage",
  handler: ({ input, db, actor }) => removeAvailabilityOverride({ db, actor, overrideId: input.overrideId }),
});
