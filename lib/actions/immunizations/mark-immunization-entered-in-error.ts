"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { markImmunizationEnteredInError } from "@/lib/clinical/immunizations";
import { markImmunizationEnteredInErrorSchema } from "@/lib/validations/immunizations";

/** Marks an immunization recorded by mistake, with the reason; the row is kept. */
export const markImmunizationEnteredInErrorAction = defineClinicAction({
  schema: markImmunizationEnteredInErrorSchema,
  permission: "immunizations.manage",
  handler: ({ input, db, actor }) => markImmunizationEnteredInError({ db, actor, ...input }),
});
