"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { exportDayCsv } from "@/lib/billing/reports/day-csv";
import { exportDaySchema } from "@/lib/validations/billing-reports";

/** A location's day's figures as a CSV file (formula-looking cells escaped). */
export const exportDayAction = defineClinicAction({
  schema: exportDaySchema,
  permission: "billing.reports",
  handler: ({ input, db, actor }) =>
    exportDayCsv({ db, actor, locationId: input.locationId, businessDate: input.businessDate }),
});
