import { auditActorOf } from "@/lib/clinic/audit";
import { removeAvailabilityOverride } from "@/lib/clinic/doctors";
import { overrideIdSchema } from "@/lib/validations/doctors";
import { defineClinicAction } from "../clinic-action";

/** Removes one entry of time off or extra hours. */
export const removeAvailabilityOverrideAction = defineClinicAction({
  schema: overrideIdSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    removeAvailabilityOverride({ db, actor: auditActorOf(session, client), overrideId: input.overrideId }),
});
