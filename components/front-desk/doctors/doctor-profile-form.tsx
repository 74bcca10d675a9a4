"use client";

import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveDoctorProfileAction } from "@/lib/actions/doctors/save-doctor-profile";
import type { BookableType } from "@/lib/billing/price-list/find-price-list";
import type { DoctorProfile } from "@/lib/clinic/doctors";
import { doctorProfileSchema } from "@/lib/validations/doctors";

/** Creates or edits the profile that makes a doctor bookable. */
export function DoctorProfileForm({
  doctorId,
  profile,
  types,
}: {
  doctorId: string;
  profile: DoctorProfile | null;
  /** The bookable appointment types, for the doctor's default. */
  types: BookableType[];
}) {
  const { field, submit, pending } = useActionForm({
    schema: doctorProfileSchema,
    action: saveDoctorProfileAction,
    defaultValues: {
      doctorId,
      specialty: profile?.specialty ?? "",
      licenceNumber: profile?.licenceNumber ?? "",
      calendarColor: profile?.calendarColor ?? "#0f766e",
      defaultSlotMinutes: profile?.defaultSlotMinutes ?? 20,
      defaultTypeId: profile?.defaultTypeId ?? "",
    },
    success: () => (profile ? "The profile is saved." : "The profile is set up. Add the working hours next."),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Specialty" {...field("specialty")} />
        <TextField label="Licence number" autoComplete="off" {...field("licenceNumber")} />
        <div className="w-40">
          <TextField label="Calendar colour" type="color" className="p-1" {...field("calendarColor")} />
        </div>
        <TextField
          label="Default slot length (minutes)"
          type="number"
          min={5}
          max={120}
          step={5}
          hint="From 5 to 120 minutes: the length of a booking in the calendar."
          {...field("defaultSlotMinutes")}
        />
        <SelectField
          label="Default appointment type"
          hint="Booking picks this type first for this doctor."
          options={[
            { value: "", label: "The clinic's default" },
            ...types.map((type) => ({ value: type.id, label: `${type.name} · ${type.durationMinutes} min` })),
          ]}
          {...field("defaultTypeId")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        {profile ? "Save profile" : "Set up profile"}
      </SubmitButton>
    </form>
  );
}
