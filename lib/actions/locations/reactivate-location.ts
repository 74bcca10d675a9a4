"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { reactivateLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";

/** Opens a deactivated location again. */
export const reactivateLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, db, actor }) => reactivateLocation({ db, actor, locationId: input.locationId }),
});
