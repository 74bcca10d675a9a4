"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/form-field";
import { FieldError } from "@/components/ui/input";
import type { FormField } from "@/components/ui/use-action-form";

type TaxValues = { taxTreatment: string; taxRate?: string; exemptReason?: string };

const CHOICES = [
  { value: "RATED", label: "Tax at a rate", hint: "Tax is added (or included) at the rate you give." },
  { value: "ZERO_RATED", label: "Zero-rated", hint: "Taxable at 0 %: shown as tax 0 on the invoice." },
  { value: "EXEMPT", label: "Exempt", hint: "Outside tax; the invoice prints the reason." },
] as const;

/** The tax treatment as three radios, with the rate or the exemption reason they need. */
export function TaxFields<T extends FieldValues & TaxValues>({
  form,
  field,
}: {
  form: UseFormReturn<T>;
  field: FormField<T>;
}) {
  const treatment = form.watch("taxTreatment" as Path<T>) as string;
  const { error, ...radio } = field("taxTreatment" as Path<T>);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">Tax</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="flex items-start gap-2 text-sm text-slate-800">
          <input type="radio" value={choice.value} className="mt-1 size-4 accent-teal-700" {...radio} />
          <span>
            <span className="font-medium">{choice.label}</span>
            <span className="block text-xs text-slate-600">{choice.hint}</span>
          </span>
        </label>
      ))}
      {error ? <FieldError>{error}</FieldError> : null}
      {treatment === "RATED" ? (
        <div className="w-40 pl-6">
          <TextField
            label="Rate (%)"
            inputMode="decimal"
            hint="0.01 to 100."
            {...field("taxRate" as Path<T>)}
          />
        </div>
      ) : null}
      {treatment === "EXEMPT" ? (
        <div className="pl-6">
          <TextField
            label="Reason for the exemption"
            hint="Printed on the invoice, e.g. Medical care: exempt from tax."
            {...field("exemptReason" as Path<T>)}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
