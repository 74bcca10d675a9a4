"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { setBillableItemActive } from "@/lib/billing/price-list/billable-items";
import { setBillableItemActiveSchema } from "@/lib/validations/price-list";

/** Deactivates (or reactivates) a price-list item; items are never deleted. */
export const setBillableItemActiveAction = defineClinicAction({
  schema: setBillableItemActiveSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) =>
    setBillableItemActive({ db, actor, itemId: input.itemId, active: input.active }),
});
