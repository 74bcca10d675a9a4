"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import type { PatientFormValues } from "./patient-form-values";
import { SEX_OPTIONS } from "./patient-format";

/** The registration details, shared by the register and edit forms. */
export function PatientFields({
  register,
  errors,
}: {
  register: UseFormRegister<PatientFormValues>;
  errors: FieldErrors<PatientFormValues>;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField
        label="First name"
        autoComplete="off"
        error={errors.firstName?.message}
        {...register("firstName")}
      />
      <TextField
        label="Last name"
        autoComplete="off"
        error={errors.lastName?.message}
        {...register("lastName")}
      />
      <TextField
        label="Date of birth"
        type="date"
        error={errors.dateOfBirth?.message}
        {...register("dateOfBirth")}
      />
      <SelectField label="Sex" options={SEX_OPTIONS} error={errors.sex?.message} {...register("sex")} />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        hint="Optional. Used to spot patients registered twice."
        error={errors.phone?.message}
        {...register("phone")}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...register("email")}
      />
      <div className="sm:col-span-2">
        <TextAreaField label="Address" rows={2} error={errors.address?.message} {...register("address")} />
      </div>
      <div className="sm:col-span-2">
        <TextField
          label="Emergency contact"
          hint="Name and phone number of someone to call."
          autoComplete="off"
          error={errors.emergencyContact?.message}
          {...register("emergencyContact")}
        />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField
          label="Notes"
          hint="Front-desk notes (preferences, access needs). Clinical notes belong in the records."
          error={errors.notes?.message}
          {...register("notes")}
        />
      </div>
    </div>
  );
}
