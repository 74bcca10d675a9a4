"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { type FieldErrors, useFieldArray, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { FieldError, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { setWeeklyScheduleServerAction } from "@/lib/actions/doctors/server-actions";
import {
  type WeeklyScheduleFormValues,
  type WeeklyScheduleInput,
  weeklyScheduleSchema,
} from "@/lib/validations/doctors";
import { WEEKDAY_ORDER, WEEKDAYS } from "@/lib/validations/locations";

export type ScheduleLocation = { id: string; name: string; active: boolean };
export type ScheduleInterval = { locationId: string; weekday: number; start: string; end: string };

/**
 * The doctor's regular week, edited as one list of intervals (location, weekday, from, to) shown
 * day by day. Saved at once; intervals of one day may not overlap, whatever their locations.
 */
export function WeeklyScheduleForm({
  doctorId,
  hours,
  locations,
}: {
  doctorId: string;
  hours: ScheduleInterval[];
  locations: ScheduleLocation[];
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<WeeklyScheduleFormValues, unknown, WeeklyScheduleInput>({
    resolver: zodResolver(weeklyScheduleSchema),
    defaultValues: { doctorId, hours },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "hours" });
  const errors = form.formState.errors;
  const firstOpen = locations.find((location) => location.active)?.id ?? "";

  const save = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await setWeeklyScheduleServerAction(values);
      if (!result.ok) {
        applyFieldErrors(form.setError, result.error.fields);
        toast(result.error.message, "error");
        return;
      }
      toast("The working hours are saved.");
      router.refresh();
    }),
  );

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-4">
      <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {WEEKDAY_ORDER.map((day) => {
          const rows = fields.flatMap((field, index) =>
            Number(field.weekday) === day ? [{ field, index }] : [],
          );
          return (
            <li key={day} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-start">
              <span className="w-28 shrink-0 pt-2 text-sm font-medium text-slate-800">{WEEKDAYS[day]}</span>
              <div className="flex flex-1 flex-col gap-2">
                {rows.length === 0 ? <span className="pt-2 text-sm text-slate-500">Not working</span> : null}
                {rows.map(({ field, index }) => (
                  <div key={field.id} className="flex flex-col gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <div className="w-56">
                        <Select
                          aria-label={`${WEEKDAYS[day]} location`}
                          aria-invalid={errors.hours?.[index]?.locationId ? true : undefined}
                          {...form.register(`hours.${index}.locationId`)}
                        >
                          {locations.map((location) => (
                            <option key={location.id} value={location.id}>
                              {location.name}
                              {location.active ? "" : " (inactive)"}
                            </option>
                          ))}
                        </Select>
                      </div>
                      <div className="w-32">
                        <Input
                          type="time"
                          aria-label={`${WEEKDAYS[day]} from`}
                          aria-invalid={errors.hours?.[index]?.start ? true : undefined}
                          {...form.register(`hours.${index}.start`)}
                        />
                      </div>
                      <span aria-hidden="true">–</span>
                      <div className="w-32">
                        <Input
                          type="time"
                          aria-label={`${WEEKDAYS[day]} to`}
                          aria-invalid={errors.hours?.[index]?.end ? true : undefined}
                          {...form.register(`hours.${index}.end`)}
                        />
                      </div>
                      <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                        Remove<span className="sr-only"> these {WEEKDAYS[day]} hours</span>
                      </Button>
                    </div>
                    <IntervalError errors={errors} index={index} />
                  </div>
                ))}
              </div>
              <Button
                variant="secondary"
                size="sm"
                className="self-start"
                disabled={!firstOpen}
                onClick={() => append({ locationId: firstOpen, weekday: day, start: "09:00", end: "17:00" })}
              >
                Add hours<span className="sr-only"> on {WEEKDAYS[day]}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      {errors.hours?.message ? <FieldError>{errors.hours.message}</FieldError> : null}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Saving…" : "Save working hours"}
      </Button>
    </form>
  );
}

function IntervalError({ errors, index }: { errors: FieldErrors<WeeklyScheduleFormValues>; index: number }) {
  const interval = errors.hours?.[index];
  const message = interval?.locationId?.message ?? interval?.start?.message ?? interval?.end?.message;
  return message ? <FieldError>{message}</FieldError> : null;
}
