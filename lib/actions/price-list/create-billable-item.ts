"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createBillableItem } from "@/lib/billing/price-list/billable-items";
import { createBillableItemSchema } from "@/lib/validations/price-list";

/** Adds an item to the clinic's price list. */
export const createBillableItemAction = defineClinicAction({
  schema: createBillableItemSchema,
  permission: "priceList.manage",
  handler: ({ input, db, actor }) => createBillableItem({ db, actor, input }),
});
