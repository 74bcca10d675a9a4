"use client";

import { ClinicDateField, ClinicTimeField } from "@/components/ui/clock-fields";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { FieldError } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAvailabilityOverrideAction } from "@/lib/actions/doctors/add-availability-override";
import { availabilityOverrideFormSchema } from "@/lib/validations/doctors";

/** Adds time off (the whole day or some hours) or extra hours at a location, on one date. */
export function AddOverrideForm({
  doctorId,
  locations,
  today,
}: {
  doctorId: string;
  locations: { id: string; name: string }[];
  today: string;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: availabilityOverrideFormSchema,
    action: addAvailabilityOverrideAction,
    defaultValues: {
      doctorId,
      kind: "TIME_OFF",
      date: today,
      wholeDay: true,
      hours: { start: "09:00", end: "13:00" },
      locationId: locations[0]?.id ?? "",
      reason: "",
    },
    success: (_, added) =>
      added.kind === "TIME_OFF" ? "The time off is added." : "The extra hours are added.",
    onSuccess: () => form.reset({ ...form.getValues(), reason: "" }),
  });
  const kind = form.watch("kind");
  const showHours = kind === "EXTRA_HOURS" || !form.watch("wholeDay");
  const { errors } = form.formState;
  const hoursError = errors.hours?.start?.message ?? errors.hours?.end?.message;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-2 text-sm font-medium text-slate-800">What</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="TIME_OFF" {...form.register("kind")} />
          Time off
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            value="EXTRA_HOURS"
            {...form.register("kind")}
            disabled={locations.length === 0}
          />
          Extra hours at a location
        </label>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <ClinicDateField label="Date" {...field("date")} />
        {kind === "EXTRA_HOURS" ? (
          <SelectField
            label="Location"
            options={locations.map((location) => ({ value: location.id, label: location.name }))}
            {...field("locationId")}
          />
        ) : (
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" {...form.register("wholeDay")} />
            The whole day
          </label>
        )}
      </div>
      {showHours ? (
        <div className="flex flex-col gap-1">
          <div className="grid gap-4 sm:grid-cols-2">
            <ClinicTimeField label="From" {...form.register("hours.start")} />
            <ClinicTimeField label="To" {...form.register("hours.end")} />
          </div>
          {hoursError ? <FieldError>{hoursError}</FieldError> : null}
        </div>
      ) : null}
      <TextField label="Reason (optional)" {...field("reason")} />
      <SubmitButton pending={pending} pendingLabel="Adding…" className="self-start">
        {kind === "TIME_OFF" ? "Add time off" : "Add extra hours"}
      </SubmitButton>
    </form>
  );
}
