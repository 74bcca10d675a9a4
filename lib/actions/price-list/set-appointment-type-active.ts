"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { setAppointmentTypeActive } from "@/lib/billing/price-list/appointment-types";
import { setAppointmentTypeActiveSchema } from "@/lib/validations/price-list";

/** Deactivates (or reactivates) an appointment type; booked appointments keep it. */
export const setAppointmentTypeActiveAction = defineClinicAction({
  schema: setAppointmentTypeActiveSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) =>
    setAppointmentTypeActive({ db, actor, typeId: input.typeId, active: input.active }),
});
