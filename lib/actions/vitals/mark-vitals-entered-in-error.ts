"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { markVitalsEnteredInError } from "@/lib/clinical/vital-records";
import { markVitalsEnteredInErrorSchema } from "@/lib/validations/vitals";

/** Marks a set of vitals entered in error with a reason: kept and audited, left out of charts. */
export const markVitalsEnteredInErrorAction = defineClinicAction({
  schema: markVitalsEnteredInErrorSchema,
  permission: "vitals.record",
  handler: ({ input, db, actor }) => markVitalsEnteredInError({ db, actor, input }),
});
