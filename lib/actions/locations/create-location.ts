"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createLocation } from "@/lib/clinic/locations";
import { locationSchema } from "@/lib/validations/locations";

/** Adds a branch of the clinic with its opening hours. */
export const createLocationAction = defineClinicAction({
  schema: locationSchema,
  permission: "locations.manage",
  handler: ({ input, db, actor }) => createLocation({ db, actor, input }),
});
