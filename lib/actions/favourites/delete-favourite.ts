"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deleteFavourite } from "@/lib/clinical/prescriptions/favourites";
import { deleteFavouriteSchema } from "@/lib/validations/prescription-actions";

/** Deletes one of the doctor's own favourites. */
export const deleteFavouriteAction = defineClinicAction({
  schema: deleteFavouriteSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) => deleteFavourite({ db, actor, favouriteId: input.favouriteId }),
});
