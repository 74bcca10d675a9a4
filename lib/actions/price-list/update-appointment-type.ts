"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateAppointmentType } from "@/lib/billing/price-list/appointment-types";
import { updateAppointmentTypeSchema } from "@/lib/validations/price-list";

/** Changes an appointment type, its price and tax. */
export const updateAppointmentTypeAction = defineClinicAction({
  schema: updateAppointmentTypeSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) => updateAppointmentType({ db, actor, typeId: input.typeId, input }),
});
