"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { SubmitButton } from "@/components/ui/form-actions";
import { Input } from "@/components/ui/input";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordVitalsAction } from "@/lib/actions/vitals/record-vitals";
import {
  defaultVitalUnits,
  HEIGHT_UNITS,
  TEMPERATURE_UNITS,
  UNIT_LABELS,
  type UnitSystem,
  type VitalUnit,
  WEIGHT_UNITS,
} from "@/lib/clinical/vital-units";
import { type RecordVitalsFormValues, recordVitalsSchema } from "@/lib/validations/vitals";

type Registered = UseFormRegisterReturn & { error: string | undefined };

/** A number input with its unit beside it: a label, or a small picker where the unit can switch. */
function MeasureField({
  label,
  value,
  unit,
  units,
  hint,
  placeholder,
}: {
  label: string;
  value: Registered;
  /** A fixed unit's label ("/min", "mmHg"), or the registration of a unit the person can switch. */
  unit: Registered | string;
  units?: readonly VitalUnit[];
  hint?: string;
  placeholder?: string;
}) {
  const { error, ...registered } = value;
  const unitError = typeof unit === "string" ? undefined : unit.error;
  return (
    <LabelledField label={label} hint={hint} error={error ?? unitError}>
      {(control) => (
        <div className="flex">
          <Input
            {...control}
            {...registered}
            inputMode="decimal"
            autoComplete="off"
            placeholder={placeholder}
            className="rounded-r-none"
          />
          {typeof unit === "string" ? (
            <span className="inline-flex min-w-14 items-center justify-center rounded-r-md border border-l-0 border-slate-300 bg-slate-50 px-2 text-sm text-slate-700">
              {unit}
            </span>
          ) : (
            <UnitPicker label={label} registered={unit} units={units ?? []} />
          )}
        </div>
      )}
    </LabelledField>
  );
}

function UnitPicker({
  label,
  registered,
  units,
}: {
  label: string;
  registered: Registered;
  units: readonly VitalUnit[];
}) {
  const { error, ...rest } = registered;
  return (
    <select
      {...rest}
      aria-label={`Unit of the ${label.toLowerCase()}`}
      aria-invalid={error ? true : undefined}
      className="h-10 min-w-16 rounded-r-md border border-l-0 border-slate-300 bg-slate-50 px-2 text-base text-slate-800 sm:text-sm focus:outline-2 focus:outline-brand-600/30"
    >
      {units.map((unit) => (
        <option key={unit} value={unit}>
          {UNIT_LABELS[unit]}
        </option>
      ))}
    </select>
  );
}

function Group({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cn("flex flex-col gap-3", className)}>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}

function emptyValues(patientId: string, visitId: string | null, system: UnitSystem): RecordVitalsFormValues {
  const units = defaultVitalUnits(system);
  return {
    patientId,
    visitId: visitId ?? "",
    heightValue: "",
    heightUnit: units.height,
    weightValue: "",
    weightUnit: units.weight,
    temperatureValue: "",
    temperatureUnit: units.temperature,
    heartRate: "",
    respiratoryRate: "",
    systolic: "",
    diastolic: "",
    spo2: "",
    painScore: "",
  };
}

/**
 * Records a set of vitals: every input shows its unit; height, weight and temperature start in the
 * clinic's units and can switch. Impossible values are refused beside their input before sending.
 */
export function VitalsForm({
  patientId,
  visitId = null,
  unitSystem,
}: {
  patientId: string;
  visitId?: string | null;
  unitSystem: UnitSystem;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: recordVitalsSchema,
    action: recordVitalsAction,
    defaultValues: emptyValues(patientId, visitId, unitSystem),
    success: () => "Vitals recorded.",
    onSuccess: () => {
      // Keep the units the person switched to: the next set is usually taken the same way.
      const { heightUnit, weightUnit, temperatureUnit } = form.getValues();
      form.reset({ ...emptyValues(patientId, visitId, unitSystem), heightUnit, weightUnit, temperatureUnit });
    },
  });
  const rootError = form.formState.errors.root?.message;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label="Record vitals">
      <div className="grid gap-6 md:grid-cols-3">
        <Group title="Vital signs">
          <MeasureField
            label="Temperature"
            value={field("temperatureValue")}
            unit={field("temperatureUnit")}
            units={TEMPERATURE_UNITS}
          />
          <MeasureField label="Heart rate" value={field("heartRate")} unit={UNIT_LABELS["/min"]} />
          <MeasureField label="Breathing rate" value={field("respiratoryRate")} unit={UNIT_LABELS["/min"]} />
        </Group>
        <Group title="Blood pressure and oxygen">
          <MeasureField label="Systolic (upper)" value={field("systolic")} unit={UNIT_LABELS["mm[Hg]"]} />
          <MeasureField label="Diastolic (lower)" value={field("diastolic")} unit={UNIT_LABELS["mm[Hg]"]} />
          <MeasureField label="Oxygen saturation (SpO₂)" value={field("spo2")} unit={UNIT_LABELS["%"]} />
        </Group>
        <Group title="Body and pain">
          <MeasureField
            label="Height"
            value={field("heightValue")}
            unit={field("heightUnit")}
            units={HEIGHT_UNITS}
          />
          <MeasureField
            label="Weight"
            value={field("weightValue")}
            unit={field("weightUnit")}
            units={WEIGHT_UNITS}
          />
          <MeasureField
            label="Pain score"
            value={field("painScore")}
            unit="/10"
            hint="0 (no pain) to 10 (worst imaginable)."
          />
        </Group>
      </div>
      {rootError ? <Notice>{rootError}</Notice> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Fill in what was measured; BMI is worked out from the weight and the height (this one or the
          latest).
        </p>
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record vitals
        </SubmitButton>
      </div>
    </form>
  );
}
