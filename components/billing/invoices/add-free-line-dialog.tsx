"use client";

import { useState } from "react";
import { TaxFields } from "@/components/billing/price-list/tax-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addInvoiceLineAction } from "@/lib/actions/invoices/add-invoice-line";
import { freeLineFormSchema, lineFieldOf, minorOf } from "@/lib/validations/invoice-forms";
import { percentToBp } from "@/lib/validations/price-list";

/** A line typed in by hand, for what the price list does not hold, with the tax treatment chosen. */
export function AddFreeLineButton({ invoiceId, currency }: { invoiceId: string; currency: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add a free-text line
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a free-text line">
        {open ? (
          <FreeLineForm invoiceId={invoiceId} currency={currency} onDone={() => setOpen(false)} />
        ) : null}
      </Dialog>
    </>
  );
}

function FreeLineForm({
  invoiceId,
  currency,
  onDone,
}: {
  invoiceId: string;
  currency: string;
  onDone: () => void;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: freeLineFormSchema(currency),
    action: addInvoiceLineAction,
    defaultValues: {
      description: "",
      quantity: "1",
      price: "",
      discount: "",
      taxTreatment: "EXEMPT",
      taxRate: "",
      exemptReason: "",
    },
    fieldOf: lineFieldOf,
    toInput: (values) => ({
      invoiceId,
      line: {
        description: values.description,
        quantity: Number(values.quantity),
        unitPriceMinor: minorOf(values.price, currency),
        discountMinor: minorOf(values.discount, currency),
        taxTreatment: values.taxTreatment,
        taxRateBp:
          values.taxTreatment === "RATED" ? (percentToBp(values.taxRate ?? "") ?? undefined) : undefined,
        exemptReason: values.taxTreatment === "EXEMPT" ? values.exemptReason : undefined,
      },
    }),
    success: () => "Line added; the totals are worked out again.",
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Description" hint="As the invoice prints it." {...field("description")} />
      <div className="grid grid-cols-3 gap-3">
        <TextField label="Quantity" inputMode="numeric" {...field("quantity")} />
        <TextField label={`Unit price (${currency})`} inputMode="decimal" {...field("price")} />
        <TextField label={`Discount (${currency})`} inputMode="decimal" {...field("discount")} />
      </div>
      <TaxFields form={form} field={field} />
      <FormActions pending={pending} submitLabel="Add line" pendingLabel="Adding…" onCancel={onDone} />
    </form>
  );
}
