"use client";

import { useRouter } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createLocationAction } from "@/lib/actions/locations/create-location";
import { updateLocationAction } from "@/lib/actions/locations/update-location";
import { type LocationFormValues, locationSchema } from "@/lib/validations/locations";
import { OpeningHoursFields } from "./opening-hours-fields";

/** Adds a location, or edits one when `locationId` is given. */
export function LocationForm({
  locationId,
  defaults,
}: {
  locationId?: string;
  defaults: LocationFormValues;
}) {
  const router = useRouter();
  const { form, field, submit, pending } = useActionForm({
    schema: locationSchema,
    action: locationId ? updateLocationAction : createLocationAction,
    defaultValues: defaults,
    toInput: (values) => (locationId ? { ...values, locationId } : values),
    success: (saved) => (locationId ? `${saved.name} is saved.` : `${saved.name} is added.`),
    onSuccess: () => router.push("/locations"),
  });

  return (
    <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-6">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Name" autoComplete="off" {...field("name")} />
        <TextField label="Phone" type="tel" autoComplete="off" {...field("phone")} />
        <div className="sm:col-span-2">
          <TextAreaField label="Address" rows={2} {...field("address")} />
        </div>
      </div>
      <OpeningHoursFields control={form.control} register={form.register} errors={form.formState.errors} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {locationId ? "Save location" : "Add location"}
        </SubmitButton>
        <ButtonLink href="/locations" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
