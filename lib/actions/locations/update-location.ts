import { auditActorOf } from "@/lib/clinic/audit";
import { updateLocation } from "@/lib/clinic/locations";
import { updateLocationSchema } from "@/lib/validations/locations";
import { defineClinicAction } from "../clinic-action";

/** Changes a location's name, address, phone or opening hours. */
export const updateLocationAction = defineClinicAction({
  schema: updateLocationSchema,
  permission: "locations.manage",
  handler: ({ input, session, db, client }) => {
    const { locationId, ...details } = input;
    return updateLocation({ db, actor: auditActorOf(session, client), locationId, input: details });
  },
});
