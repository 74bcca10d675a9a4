"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { setDefaultAppointmentType } from "@/lib/billing/price-list/appointment-types";
import { setDefaultAppointmentTypeSchema } from "@/lib/validations/price-list";

/** Makes a type the clinic's default; the previous default stops being it. */
export const setDefaultAppointmentTypeAction = defineClinicAction({
  schema: setDefaultAppointmentTypeSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) => setDefaultAppointmentType({ db, actor, typeId: input.typeId }),
});
