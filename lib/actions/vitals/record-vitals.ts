"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordVitals } from "@/lib/clinical/vital-records";
import { recordVitalsSchema } from "@/lib/validations/vitals";

/** Records a set of vitals for a patient (in one of their visits, if given), each value as entered. */
export const recordVitalsAction = defineClinicAction({
  schema: recordVitalsSchema,
  permission: "vitals.record",
  handler: ({ input, db, actor }) => recordVitals({ db, actor, input }),
});
