import { auditActorOf } from "@/lib/clinic/audit";
import { deactivateLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";
import { defineClinicAction } from "../clinic-action";

/** Closes a location for new bookings and schedules; its history stays. */
export const deactivateLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, session, db, client }) =>
    deactivateLocation({ db, actor: auditActorOf(session, client), locationId: input.locationId }),
});
