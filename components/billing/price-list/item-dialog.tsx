"use client";

import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { createBillableItemAction } from "@/lib/actions/price-list/create-billable-item";
import { updateBillableItemAction } from "@/lib/actions/price-list/update-billable-item";
import { currencyDigits, minorToInput } from "@/lib/billing/money-input";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { bpToPercent, createBillableItemSchema, withPriceFor } from "@/lib/validations/price-list";
import { TaxFields } from "./tax-fields";

/** The tax and price fields as a form shows a saved row (blank for a new one). */
export function taxFormValues(item: PriceListItem | null, currency: string) {
  return {
    code: item?.code ?? "",
    name: item?.name ?? "",
    price: item ? minorToInput(item.priceMinor, currency) : "",
    taxTreatment: item?.taxTreatment ?? ("EXEMPT" as const),
    taxRate: item?.taxRateBp ? bpToPercent(item.taxRateBp) : "",
    exemptReason: item?.exemptReason ?? "",
  };
}

export function priceHint(currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0
    ? `In ${currency}, whole amounts.`
    : `In ${currency}, up to ${digits} decimals; 0 when free.`;
}

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
    <Dialog open={open} onClose={onClose} title={item ? `Edit ${item.name}` : "Add an item"}>
      {open ? <ItemForm key={item?.id ?? "new"} item={item} currency={currency} onDone={onClose} /> : null}
    </Dialog>
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
  const action = (item ? updateBillableItemAction : createBillableItemAction) as ServerAction<unknown>;
  const { form, field, submit, pending } = useActionForm({
    schema: withPriceFor(createBillableItemSchema, currency),
    action,
    defaultValues: taxFormValues(item, currency),
    toInput: (values) => (item ? { ...values, itemId: item.id } : values),
    success: () => (item ? "The item is saved." : "The item is on the price list."),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField label="Code" autoCapitalize="characters" className="uppercase" {...field("code")} />
        <TextField label="Name" hint="As the invoice prints it." {...field("name")} />
      </div>
      <div className="w-48">
        <TextField
          label={`Price (${currency})`}
          inputMode="decimal"
          hint={priceHint(currency)}
          {...field("price")}
        />
      </div>
      <TaxFields form={form} field={field} />
      <FormActions
        pending={pending}
        submitLabel="Save"
        pendingLabel="Saving…"
        cancelLabel="Cancel"
        onCancel={onDone}
      />
    </form>
  );
}
