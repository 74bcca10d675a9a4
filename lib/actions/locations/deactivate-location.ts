"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deactivateLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";

/** Closes a location for new bookings and schedules; its history stays. */
export const deactivateLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, db, actor }) => deactivateLocation({ db, actor, locationId: input.locationId }),
});
