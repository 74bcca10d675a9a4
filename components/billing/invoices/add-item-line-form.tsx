"use client";

import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { addInvoiceLineAction } from "@/lib/actions/invoices/add-invoice-line";
import { itemLineFormSchema, lineFieldOf, minorOf } from "@/lib/validations/invoice-forms";

export type PriceListChoice = { itemId: string; label: string };

/** Adds a line from the price list: the server takes the item's list price and tax treatment. */
export function AddItemLineForm({
  invoiceId,
  currency,
  choices,
}: {
  invoiceId: string;
  currency: string;
  choices: PriceListChoice[];
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: itemLineFormSchema(currency),
    action: addInvoiceLineAction,
    defaultValues: { itemId: "", quantity: "1", discount: "" },
    fieldOf: lineFieldOf,
    toInput: (values) => ({
      invoiceId,
      line: {
        itemId: values.itemId,
        quantity: Number(values.quantity),
        discountMinor: minorOf(values.discount, currency),
      },
    }),
    success: () => "Line added; the totals are worked out again.",
    onSuccess: () => form.reset(),
  });
  if (choices.length === 0)
    return (
      <p className="text-sm text-slate-600">
        The price list has no active items: the owner or a manager adds them under Price list.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate aria-label="Add from the price list" className="flex flex-col gap-3">
      <SelectField
        label="Item"
        options={[
          { value: "", label: "Choose an item…" },
          ...choices.map((c) => ({ value: c.itemId, label: c.label })),
        ]}
        {...field("itemId")}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Quantity" inputMode="numeric" {...field("quantity")} />
        <TextField
          label={`Discount (${currency})`}
          inputMode="decimal"
          hint="Optional, off the line."
          {...field("discount")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…" className="self-start">
        Add item
      </SubmitButton>
    </form>
  );
}
