"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { saveFavourite } from "@/lib/clinical/prescriptions/favourites";
import { saveFavouriteSchema } from "@/lib/validations/prescription-actions";

/** Saves a prescription line as one of the doctor's own favourites, under a label of theirs. */
export const saveFavouriteAction = defineClinicAction({
  schema: saveFavouriteSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) => saveFavourite({ db, actor, label: input.label, line: input.line }),
});
