"use client";

import { useState } from "react";
import { ClinicDateField } from "@/components/ui/clock-fields";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordImmunizationAction } from "@/lib/actions/immunizations/record-immunization";
import {
  IMMUNIZATION_ROUTES,
  IMMUNIZATION_SITES,
  recordImmunizationSchema,
} from "@/lib/validations/immunizations";

type Choice = { value: string; label: string };

/** Records a vaccine: what, which dose and lot, where and how, when, and who gave it. */
export function ImmunizationForm({
  patientId,
  today,
  vaccinators,
  visits,
  defaultGivenById,
}: {
  patientId: string;
  /** The clinic's today (YYYY-MM-DD): the default date given. */
  today: string;
  vaccinators: Choice[];
  visits: Choice[];
  defaultGivenById: string;
}) {
  const [givenHere, setGivenHere] = useState(true);
  const empty = {
    patientId,
    visitId: "",
    vaccine: "",
    doseNumber: "",
    lotNumber: "",
    expiryDate: "",
    site: "" as const,
    route: "" as const,
    givenOn: today,
    givenById: defaultGivenById,
    givenByName: "",
  };
  const { form, field, submit, pending } = useActionForm({
    schema: recordImmunizationSchema,
    action: recordImmunizationAction,
    defaultValues: empty,
    success: () => "The immunization is recorded.",
    onSuccess: () => form.reset(empty),
  });
  const chooseGivenHere = (here: boolean) => {
    setGivenHere(here);
    form.setValue(here ? "givenByName" : "givenById", "");
    if (here) form.setValue("givenById", defaultGivenById);
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Record an immunization">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Vaccine" placeholder="e.g. Influenza 2026/27" {...field("vaccine")} />
        <TextField
          label="Dose number"
          inputMode="numeric"
          hint="Optional, e.g. 1 or 2"
          {...field("doseNumber")}
        />
        <TextField label="Lot number" hint="Optional" autoComplete="off" {...field("lotNumber")} />
        <ClinicDateField label="Expiry date" hint="Optional" {...field("expiryDate")} />
        <SelectField
          label="Site"
          options={[{ value: "", label: "Not recorded" }, ...IMMUNIZATION_SITES]}
          {...field("site")}
        />
        <SelectField
          label="Route"
          options={[{ value: "", label: "Not recorded" }, ...IMMUNIZATION_ROUTES]}
          {...field("route")}
        />
        <ClinicDateField label="Date given" {...field("givenOn")} />
        {visits.length > 0 ? (
          <SelectField
            label="During visit"
            options={[{ value: "", label: "No visit" }, ...visits]}
            {...field("visitId")}
          />
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Given by</legend>
        <div className="flex flex-wrap gap-4 text-sm text-slate-800">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="givenWhere"
              checked={givenHere}
              onChange={() => chooseGivenHere(true)}
            />
            Someone here
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="givenWhere"
              checked={!givenHere}
              onChange={() => chooseGivenHere(false)}
            />
            Elsewhere (another clinic, a pharmacy)
          </label>
        </div>
        <div className="sm:max-w-[calc(50%-0.5rem)]">
          {givenHere ? (
            <SelectField
              label="Staff member"
              options={[{ value: "", label: "Choose…" }, ...vaccinators]}
              {...field("givenById")}
            />
          ) : (
            <TextField
              label="Who gave it"
              placeholder="e.g. City Pharmacy, Dr Lee"
              {...field("givenByName")}
            />
          )}
        </div>
        {givenHere && form.formState.errors.givenByName ? (
          <p className="text-sm text-red-700">{form.formState.errors.givenByName.message}</p>
        ) : null}
      </fieldset>
      <div>
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record immunization
        </SubmitButton>
      </div>
    </form>
  );
}
