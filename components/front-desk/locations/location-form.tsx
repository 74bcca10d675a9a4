"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { TextField } from "@/components/ui/form-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import {
  createLocationServerAction,
  updateLocationServerAction,
} from "@/lib/actions/locations/server-actions";
import { type LocationFormValues, type LocationInput, locationSchema } from "@/lib/validations/locations";
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
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<LocationFormValues, unknown, LocationInput>({
    resolver: zodResolver(locationSchema),
    defaultValues: defaults,
  });
  const errors = form.formState.errors;

  const save = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = locationId
        ? await updateLocationServerAction({ ...values, locationId })
        : await createLocationServerAction(values);
      if (!result.ok) {
        applyFieldErrors(form.setError, result.error.fields);
        toast(result.error.message, "error");
        return;
      }
      toast(locationId ? `${result.data.name} is saved.` : `${result.data.name} is added.`);
      router.push("/locations");
      router.refresh();
    }),
  );

  return (
    <form onSubmit={save} noValidate className="flex max-w-3xl flex-col gap-6">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
        <TextField
          label="Phone"
          type="tel"
          autoComplete="off"
          error={errors.phone?.message}
          {...form.register("phone")}
        />
        <div className="sm:col-span-2">
          <TextAreaField
            label="Address"
            rows={2}
            error={errors.address?.message}
            {...form.register("address")}
          />
        </div>
      </div>
      <OpeningHoursFields control={form.control} register={form.register} errors={errors} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : locationId ? "Save location" : "Add location"}
        </Button>
        <ButtonLink href="/locations" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
