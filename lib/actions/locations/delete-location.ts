import { auditActorOf } from "@/lib/clinic/audit";
import { deleteLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";
import { defineClinicAction } from "../clinic-action";

/** Deletes a location nothing ever referred to; one in use can only be deactivated. */
export const deleteLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, session, db, client }) =>
    deleteLocation({ db, actor: auditActorOf(session, client), locationId: input.locationId }),
});
