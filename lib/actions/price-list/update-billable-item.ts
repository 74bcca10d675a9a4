"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateBillableItem } from "@/lib/billing/price-list/billable-items";
import { updateBillableItemSchema } from "@/lib/validations/price-list";

/** Changes a price-list item (its price change is audited with the old and new amounts). */
export const updateBillableItemAction = defineClinicAction({
  schema: updateBillableItemSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) => updateBillableItem({ db, actor, itemId: input.itemId, input }),
});
