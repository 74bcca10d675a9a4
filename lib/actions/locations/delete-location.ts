"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deleteLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";

/** Deletes a location nothing ever referred to; one in use can only be deactivated. */
export const deleteLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, db, actor }) => deleteLocation({ db, actor, locationId: input.locationId }),
});
