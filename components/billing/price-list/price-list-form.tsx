"use client";

import { Fragment, type ReactNode } from "react";
import type { DefaultValues, FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { type FormField, useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { currencyDigits, minorToInput } from "@/lib/billing/money-input";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { bpToPercent, withPriceFor } from "@/lib/validations/price-list";
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

function priceHint(currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0
    ? `In ${currency}, whole amounts.`
    : `In ${currency}, up to ${digits} decimals; 0 when free.`;
}

/** Adds a row to the price list or edits one: a fresh form (`children`) for each row it opens on. */
export function PriceListDialog({
  open,
  title,
  rowId,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The row being edited; null when adding. */
  rowId: string | null;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {open ? <Fragment key={rowId ?? "new"}>{children}</Fragment> : null}
    </Dialog>
  );
}

type PriceValues = FieldValues & { price: string; taxTreatment: string };

/**
 * The form of a price-list row: the create action for a new row, the update action (with the
 * row's id, e.g. `{ itemId }`) for a saved one, the price checked in the clinic's currency.
 */
export function usePriceListForm<T extends PriceValues, Parsed extends { price: string }>(options: {
  schema: z.ZodType<Parsed, T>;
  currency: string;
  /** The edited row's id as its update action names it; null when adding. */
  editing: Record<string, string> | null;
  create: ServerAction<unknown>;
  update: ServerAction<unknown>;
  defaultValues: DefaultValues<T>;
  said: { saved: string; added: string };
  onDone: () => void;
}) {
  const { editing, said } = options;
  return useActionForm({
    schema: withPriceFor(options.schema, options.currency),
    action: editing ? options.update : options.create,
    defaultValues: options.defaultValues,
    toInput: (values) => (editing ? { ...values, ...editing } : values),
    success: () => (editing ? said.saved : said.added),
    onSuccess: options.onDone,
  });
}

/**
 * A price-list form: the row's own fields (`children`), then its price and tax, then anything
 * after them (`after`) and Save.
 */
export function PriceListForm<T extends PriceValues>({
  controls,
  currency,
  onDone,
  children,
  after,
}: {
  controls: { form: UseFormReturn<T>; field: FormField<T>; submit: () => void; pending: boolean };
  currency: string;
  onDone: () => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const { form, field, submit, pending } = controls;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {children}
      <div className="w-48">
        <TextField
          label={`Price (${currency})`}
          inputMode="decimal"
          hint={priceHint(currency)}
          {...field("price" as Path<T>)}
        />
      </div>
      <TaxFields form={form} field={field} />
      {after}
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
