"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { startWalkInVisit } from "@/lib/clinical/visits";
import { startWalkInVisitSchema } from "@/lib/validations/visits";

/** A visit without an appointment, seen by the signed-in doctor at the chosen location. */
export const startWalkInVisitAction = defineClinicAction({
  schema: startWalkInVisitSchema,
  permission: "visits.start",
  handler: ({ input, db, actor }) => startWalkInVisit({ db, actor, input }),
});
