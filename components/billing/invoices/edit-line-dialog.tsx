"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateInvoiceLineAction } from "@/lib/actions/invoices/update-invoice-line";
import { minorToInput } from "@/lib/billing/money-input";
import { editLineFormSchema, lineFieldOf, minorOf } from "@/lib/validations/invoice-forms";

export type EditableLine = {
  id: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
};

/** Changes a draft line's description, quantity, unit price or discount; its tax stays as chosen. */
export function EditLineButton({ line, currency }: { line: EditableLine; currency: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`Edit ${line.description}`}
      >
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Edit the line">
        {open ? <EditLineForm line={line} currency={currency} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function EditLineForm({
  line,
  currency,
  onDone,
}: {
  line: EditableLine;
  currency: string;
  onDone: () => void;
}) {
  const { field, submit, pending } = useActionForm({
    schema: editLineFormSchema(currency),
    action: updateInvoiceLineAction,
    defaultValues: {
      description: line.description,
      quantity: String(line.quantity),
      price: minorToInput(line.unitPriceMinor, currency),
      discount: line.discountMinor ? minorToInput(line.discountMinor, currency) : "",
    },
    fieldOf: lineFieldOf,
    toInput: (values) => ({
      lineId: line.id,
      description: values.description,
      quantity: Number(values.quantity),
      unitPriceMinor: minorOf(values.price, currency),
      discountMinor: minorOf(values.discount, currency),
    }),
    success: () => "Line saved; the totals are worked out again.",
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Description" {...field("description")} />
      <div className="grid grid-cols-3 gap-3">
        <TextField label="Quantity" inputMode="numeric" {...field("quantity")} />
        <TextField label={`Unit price (${currency})`} inputMode="decimal" {...field("price")} />
        <TextField label={`Discount (${currency})`} inputMode="decimal" {...field("discount")} />
      </div>
      <FormActions pending={pending} submitLabel="Save line" pendingLabel="Saving…" onCancel={onDone} />
    </form>
  );
}
