"use client";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { createAppointmentTypeAction } from "@/lib/actions/price-list/create-appointment-type";
import { updateAppointmentTypeAction } from "@/lib/actions/price-list/update-appointment-type";
import type { PriceListType } from "@/lib/billing/price-list/find-price-list";
import { createAppointmentTypeSchema, withPriceFor } from "@/lib/validations/price-list";
import { priceHint, taxFormValues } from "./item-dialog";
import { TaxFields } from "./tax-fields";

/** Adds an appointment type with its price, or edits one (`type`). */
export function TypeDialog({
  open,
  type,
  currency,
  onClose,
}: {
  open: boolean;
  type: PriceListType | null;
  currency: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={type ? `Edit ${type.name}` : "Add an appointment type"}>
      {open ? <TypeForm key={type?.id ?? "new"} type={type} currency={currency} onDone={onClose} /> : null}
    </Dialog>
  );
}

function TypeForm({
  type,
  currency,
  onDone,
}: {
  type: PriceListType | null;
  currency: string;
  onDone: () => void;
}) {
  const action = (type ? updateAppointmentTypeAction : createAppointmentTypeAction) as ServerAction<unknown>;
  const { form, field, submit, pending } = useActionForm({
    schema: withPriceFor(createAppointmentTypeSchema, currency),
    action,
    defaultValues: {
      ...taxFormValues(type?.item ?? null, currency),
      name: type?.name ?? "",
      durationMinutes: type?.durationMinutes ?? 20,
      colour: type?.colour ?? "#0f766e",
      isDefault: type?.isDefault ?? false,
    },
    toInput: (values) => (type ? { ...values, typeId: type.id } : values),
    success: () => (type ? "The appointment type is saved." : "The appointment type is added."),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" hint="As the calendar and the invoice show it." {...field("name")} />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-[8rem_8rem_1fr]">
        <TextField
          label="Length (minutes)"
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          step={5}
          {...field("durationMinutes", { valueAsNumber: true })}
        />
        <TextField label="Colour" type="color" className="h-10 p-1" {...field("colour")} />
        <TextField
          label="Invoice code"
          autoCapitalize="characters"
          className="uppercase"
          {...field("code")}
        />
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
      {type?.isDefault ? null : (
        <CheckboxField
          label="The clinic's default type"
          hint="Booking picks it when the doctor has no default of their own."
          {...field("isDefault")}
        />
      )}
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
