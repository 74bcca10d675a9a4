"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { addAvailabilityOverride } from "@/lib/clinic/availability-overrides";
import { availabilityOverrideSchema } from "@/lib/validations/doctors";

/** Adds time off (whole day or hours) or extra hours at a location on one date. */
export const addAvailabilityOverrideAction = defineClinicAction({
  schema: availabilityOverrideSchema,
  permission: "staff.manage",
  handler: ({ input, db, actor }) => addAvailabilityOverride({ db, actor, input }),
});
