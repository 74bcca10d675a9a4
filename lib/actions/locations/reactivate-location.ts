import { auditActorOf } from "@/lib/clinic/audit";
import { reactivateLocation } from "@/lib/clinic/locations";
import { locationIdSchema } from "@/lib/validations/locations";
import { defineClinicAction } from "../clinic-action";

/** Opens a deactivated location again. */
export const reactivateLocationAction = defineClinicAction({
  schema: locationIdSchema,
  permission: "locations.manage",
  handler: ({ input, session, db, client }) =>
    reactivateLocation({ db, actor: auditActorOf(session, client), locationId: input.locationId }),
});
