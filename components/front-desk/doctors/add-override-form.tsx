"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FieldError } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { addAvailabilityOverrideServerAction } from "@/lib/actions/doctors/server-actions";
import { availabilityOverrideSchema } from "@/lib/validations/doctors";

type OverrideFormValues = {
  kind: "TIME_OFF" | "EXTRA_HOURS";
  date: string;
  wholeDay: boolean;
  start: string;
  end: string;
  locationId: string;
  reason: string;
};

/** The action's input from the form: hours only when they apply, a location only for extra hours. */
function toInput(doctorId: string, values: OverrideFormValues) {
  const hours = { start: values.start, end: values.end };
  return values.kind === "TIME_OFF"
    ? {
        doctorId,
        kind: values.kind,
        date: values.date,
        hours: values.wholeDay ? null : hours,
        reason: values.reason,
      }
    : {
        doctorId,
        kind: values.kind,
        date: values.date,
        hours,
        locationId: values.locationId,
        reason: values.reason,
      };
}

/** Where the schema's paths ("hours.start", "hours") show on this form. */
function fieldOf(path: string): keyof OverrideFormValues {
  if (path === "hours.end") return "end";
  if (path.startsWith("hours")) return "start";
  return (["date", "locationId", "reason", "kind"] as const).find((name) => name === path) ?? "date";
}

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
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const resolver: Resolver<OverrideFormValues> = async (values) => {
    const parsed = availabilityOverrideSchema.safeParse(toInput(doctorId, values));
    if (parsed.success) return { values, errors: {} };
    const errors: Partial<Record<keyof OverrideFormValues, { type: string; message: string }>> = {};
    for (const issue of parsed.error.issues)
      errors[fieldOf(issue.path.join("."))] ??= { type: "validation", message: issue.message };
    return { values: {}, errors };
  };
  const form = useForm<OverrideFormValues>({
    resolver,
    defaultValues: {
      kind: "TIME_OFF",
      date: today,
      wholeDay: true,
      start: "09:00",
      end: "13:00",
      locationId: locations[0]?.id ?? "",
      reason: "",
    },
  });
  const errors = form.formState.errors;
  const kind = form.watch("kind");
  const wholeDay = form.watch("wholeDay");
  const showHours = kind === "EXTRA_HOURS" || !wholeDay;

  const add = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await addAvailabilityOverrideServerAction(toInput(doctorId, values));
      if (!result.ok) {
        for (const [path, message] of Object.entries(result.error.fields ?? {}))
          form.setError(fieldOf(path), { message });
        toast(result.error.message, "error");
        return;
      }
      toast(values.kind === "TIME_OFF" ? "The time off is added." : "The extra hours are added.");
      form.reset({ ...values, reason: "" });
      router.refresh();
    }),
  );

  return (
    <form onSubmit={add} noValidate className="flex flex-col gap-4">
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
        <TextField
          label="Date"
          type="date"
          min={today}
          error={errors.date?.message}
          {...form.register("date")}
        />
        {kind === "EXTRA_HOURS" ? (
          <SelectField
            label="Location"
            options={locations.map((location) => ({ value: location.id, label: location.name }))}
            error={errors.locationId?.message}
            {...form.register("locationId")}
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
            <TextField label="From" type="time" {...form.register("start")} />
            <TextField label="To" type="time" {...form.register("end")} />
          </div>
          {errors.start?.message || errors.end?.message ? (
            <FieldError>{errors.start?.message ?? errors.end?.message}</FieldError>
          ) : null}
        </div>
      ) : null}
      <TextField label="Reason (optional)" error={errors.reason?.message} {...form.register("reason")} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Adding…" : kind === "TIME_OFF" ? "Add time off" : "Add extra hours"}
      </Button>
    </form>
  );
}
