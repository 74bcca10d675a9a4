"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createAppointmentType } from "@/lib/billing/price-list/appointment-types";
import { createAppointmentTypeSchema } from "@/lib/validations/price-list";

/** Adds an appointment type with its price. */
export const createAppointmentTypeAction = defineClinicAction({
  schema: createAppointmentTypeSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) => createAppointmentType({ db, actor, input }),
});
