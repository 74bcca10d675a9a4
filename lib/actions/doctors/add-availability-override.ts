import { auditActorOf } from "@/lib/clinic/audit";
import { addAvailabilityOverride } from "@/lib/clinic/doctors";
import { availabilityOverrideSchema } from "@/lib/validations/doctors";
import { defineClinicAction } from "../clinic-action";

/** Adds time off (whole day or hours) or extra hours at a location on one date. */
export const addAvailabilityOverrideAction = defineClinicAction({
  schema: availabilityOverrideSchema,
  permission: "staff.manage",
  handler: ({ input, session, db, client }) =>
    addAvailabilityOverride({ db, actor: auditActorOf(session, client), input }),
});
