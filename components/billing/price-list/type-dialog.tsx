"use client";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/form-field";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { createAppointmentTypeAction } from "@/lib/actions/price-list/create-appointment-type";
import { updateAppointmentTypeAction } from "@/lib/actions/price-list/update-appointment-type";
import type { PriceListType } from "@/lib/billing/price-list/find-price-list";
import { createAppointmentTypeSchema } from "@/lib/validations/price-list";
import { PriceListDialog, PriceListForm, taxFormValues, usePriceListForm } from "./price-list-form";

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
    <PriceListDialog
      open={open}
      title={type ? `Edit ${type.name}` : "Add an appointment type"}
      rowId={type?.id ?? null}
      onClose={onClose}
    >
      <TypeForm type={type} currency={currency} onDone={onClose} />
    </PriceListDialog>
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
  const controls = usePriceListForm({
    schema: createAppointmentTypeSchema,
    currency,
    editing: type ? { typeId: type.id } : null,
    create: createAppointmentTypeAction as ServerAction<unknown>,
    update: updateAppointmentTypeAction as ServerAction<unknown>,
    defaultValues: {
      ...taxFormValues(type?.item ?? null, currency),
      name: type?.name ?? "",
      durationMinutes: type?.durationMinutes ?? 20,
      colour: type?.colour ?? "#0f766e",
      isDefault: type?.isDefault ?? false,
    },
    said: { saved: "The appointment type is saved.", added: "The appointment type is added." },
    onDone,
  });
  const { field } = controls;
  return (
    <PriceListForm
      controls={controls}
      currency={currency}
      onDone={onDone}
      after={
        type?.isDefault ? null : (
          <CheckboxField
            label="The clinic's default type"
            hint="Booking picks it when the doctor has no default of their own."
            {...field("isDefault")}
          />
        )
      }
    >
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
    </PriceListForm>
  );
}
