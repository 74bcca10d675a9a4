"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateLocation } from "@/lib/clinic/locations";
import { updateLocationSchema } from "@/lib/validations/locations";

/** Changes a location's name, address, phone or opening hours. */
export const updateLocationAction = defineClinicAction({
  schema: updateLocationSchema,
  permission: "locations.manage",
  handler: ({ input, db, actor }) => {
    const { locationId, ...details } = input;
    return updateLocation({ db, actor, locationId, input: details });
  },
});
