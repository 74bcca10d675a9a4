"use client";

import { ClinicDateField } from "@/components/ui/clock-fields";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import type { FormField } from "@/components/ui/use-action-form";
import type { PatientFormValues } from "./patient-form-values";
import { SEX_OPTIONS } from "./patient-format";

/** The registration details, shared by the register and edit forms. */
export function PatientFields({ field }: { field: FormField<PatientFormValues> }) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField label="First name" autoComplete="off" {...field("firstName")} />
      <TextField label="Last name" autoComplete="off" {...field("lastName")} />
      <ClinicDateField label="Date of birth" {...field("dateOfBirth")} />
      <SelectField label="Sex" options={SEX_OPTIONS} {...field("sex")} />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        hint="Optional. Used to spot patients registered twice."
        {...field("phone")}
      />
      <TextField label="Email" type="email" autoComplete="off" {...field("email")} />
      <div className="sm:col-span-2">
        <TextAreaField label="Address" rows={2} {...field("address")} />
      </div>
      <div className="sm:col-span-2">
        <TextField
          label="Emergency contact"
          hint="Name and phone number of someone to call."
          autoComplete="off"
          {...field("emergencyContact")}
        />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField
          label="Notes"
          hint="Front-desk notes (preferences, access needs). Clinical notes belong in the records."
          {...field("notes")}
        />
      </div>
    </div>
  );
}
