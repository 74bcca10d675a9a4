import { auditActorOf } from "@/lib/clinic/audit";
import { createLocation } from "@/lib/clinic/locations";
import { locationSchema } from "@/lib/validations/locations";
import { defineClinicAction } from "../clinic-action";

/** Adds a branch of the clinic with its opening hours. */
export const createLocationAction = defineClinicAction({
  schema: locationSchema,
  permission: "locations.manage",
  handler: ({ input, session, db, client }) =>
    createLocation({ db, actor: auditActorOf(session, client), input }),
});
