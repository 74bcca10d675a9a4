"use client";

import { TextField } from "@/components/ui/form-field";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { createBillableItemAction } from "@/lib/actions/price-list/create-billable-item";
import { updateBillableItemAction } from "@/lib/actions/price-list/update-billable-item";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { createBillableItemSchema } from "@/lib/validations/price-list";
import { PriceListDialog, PriceListForm, taxFormValues, usePriceListForm } from "./price-list-form";

/** Adds an item to the price list, or edits one (`item`). */
export function ItemDialog({
  open,
  item,
  currency,
  onClose,
}: {
  open: boolean;
  item: PriceListItem | null;
  currency: string;
  onClose: () => void;
}) {
  return (
    <PriceListDialog
      open={open}
      title={item ? `Edit ${item.name}` : "Add an item"}
      rowId={item?.id ?? null}
      onClose={onClose}
    >
      <ItemForm item={item} currency={currency} onDone={onClose} />
    </PriceListDialog>
  );
}

function ItemForm({
  item,
  currency,
  onDone,
}: {
  item: PriceListItem | null;
  currency: string;
  onDone: () => void;
}) {
  const controls = usePriceListForm({
    schema: createBillableItemSchema,
    currency,
    editing: item ? { itemId: item.id } : null,
    create: createBillableItemAction as ServerAction<unknown>,
    update: updateBillableItemAction as ServerAction<unknown>,
    defaultValues: taxFormValues(item, currency),
    said: { saved: "The item is saved.", added: "The item is on the price list." },
    onDone,
  });
  const { field } = controls;
  return (
    <PriceListForm controls={controls} currency={currency} onDone={onDone}>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField label="Code" autoCapitalize="characters" className="uppercase" {...field("code")} />
        <TextField label="Name" hint="As the invoice prints it." {...field("name")} />
      </div>
    </PriceListForm>
  );
}
