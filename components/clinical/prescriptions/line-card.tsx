"use client";

import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import type { LineWarning } from "@/lib/clinical/prescriptions/prescription-checks";
import type { PrescriptionFormValues } from "@/lib/validations/prescription-actions";
import { DOSE_FREQUENCIES, FREQUENCY_LABELS, WEEKDAYS } from "@/lib/validations/prescriptions";
import type { LineFormValues } from "./line-form-values";
import { LinePreview } from "./line-preview";
import { LineWarnings } from "./line-warnings";
import { SaveAsFavourite } from "./save-as-favourite";

const FREQUENCIES = DOSE_FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value] }));
const DAYS = [{ value: "", label: "Choose a day" }].concat(
  WEEKDAYS.map((day, index) => ({ value: String(index), label: day })),
);
const UNITS = [
  { value: "", label: "No duration" },
  { value: "DAY", label: "days" },
  { value: "WEEK", label: "weeks" },
  { value: "MONTH", label: "months" },
];

type LineName = keyof LineFormValues;

/** One medicine of the draft: every field of the line, its live wording, its checks and an override reason. */
export function LineCard({
  form,
  index,
  count,
  warnings,
  suggestionsId,
  onRemove,
}: {
  form: UseFormReturn<PrescriptionFormValues>;
  index: number;
  count: number;
  warnings: LineWarning[];
  suggestionsId: string;
  onRemove: () => void;
}) {
  const { register, formState, watch } = form;
  const line = watch(`lines.${index}`) as LineFormValues;
  const errors = formState.errors.lines?.[index] as Record<string, { message?: string }> | undefined;
  const field = (name: LineName) => ({
    ...register(`lines.${index}.${name}`),
    error: errors?.[name]?.message,
  });
  const overrideError = formState.errors.overrideReasons?.[index]?.message;
  const needsReason = warnings.length > 0 || Boolean(overrideError);
  const title = line.medicationName?.trim() || `Medicine ${index + 1}`;

  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <legend className="sr-only">{title}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        <div className="flex flex-wrap gap-2">
          <SaveAsFavourite line={line} />
          {count > 1 ? (
            <Button size="sm" variant="ghost" onClick={onRemove}>
              Remove
            </Button>
          ) : null}
        </div>
      </div>
      <TextField
        label="Medicine"
        list={suggestionsId}
        autoComplete="off"
        placeholder="e.g. Amoxicillin"
        {...field("medicationName")}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Strength" placeholder="500 mg" {...field("strength")} />
        <TextField label="Form" placeholder="capsule" {...field("doseForm")} />
        <TextField label="Route" placeholder="by mouth" {...field("route")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Dose" inputMode="decimal" placeholder="1" {...field("doseAmount")} />
        <TextField label="Dose unit" placeholder="capsule" {...field("doseUnit")} />
        <SelectField label="How often" options={FREQUENCIES} {...field("frequency")} />
      </div>
      {line.frequency === "EVERY_N_HOURS" ? (
        <TextField label="Hours between doses" inputMode="numeric" {...field("everyHours")} />
      ) : null}
      {line.frequency === "ONCE_WEEKLY" ? (
        <SelectField label="Day of the week" options={DAYS} {...field("weekday")} />
      ) : null}
      {line.frequency === "AS_NEEDED" ? (
        <TextField label="When needed for" placeholder="pain" {...field("asNeededFor")} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label="Duration" inputMode="numeric" placeholder="7" {...field("durationValue")} />
        <SelectField label="Duration unit" options={UNITS} {...field("durationUnit")} />
        <TextField label="Quantity" inputMode="decimal" placeholder="21" {...field("quantity")} />
        <TextField label="Quantity unit" placeholder="capsules" {...field("quantityUnit")} />
        <TextField label="Refills" type="number" min={0} max={12} {...field("refills")} />
      </div>
      <TextAreaField label="Instructions to the patient" rows={2} {...field("instructions")} />
      <CheckboxField
        label="Controlled drug"
        hint="Controlled drugs are not prescribed here."
        {...register(`lines.${index}.controlled`)}
        error={errors?.controlled?.message}
      />
      <LinePreview line={line} />
      {needsReason ? (
        <div className="flex flex-col gap-2">
          <LineWarnings warnings={warnings} />
          <TextAreaField
            label="Reason to go ahead"
            hint="Needed to sign with this warning; kept on the prescription and in the audit log."
            rows={2}
            {...register(`overrideReasons.${index}`)}
            error={overrideError}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
