"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { closeDay, countedCashMinorOf } from "@/lib/billing/reports/close-day";
import { closeDaySchema } from "@/lib/validations/billing-reports";

/** Closes a location's day with the cash counted; written once, a second close is refused. */
export const closeDayAction = defineClinicAction({
  schema: closeDaySchema,
  permission: "day.close",
  handler: async ({ input, db, actor }) =>
    closeDay({
      db,
      actor,
      locationId: input.locationId,
      businessDate: input.businessDate,
      countedCashMinor: await countedCashMinorOf(db, input.countedCash),
      note: input.note,
    }),
});
