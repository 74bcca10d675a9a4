"use client";

import { type FieldErrors, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TimeInput } from "@/components/ui/clock-fields";
import { SubmitButton } from "@/components/ui/form-actions";
import { FieldError } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { setWeeklyScheduleAction } from "@/lib/actions/doctors/set-weekly-schedule";
import { WEEKDAY_ORDER, WEEKDAYS } from "@/lib/clinic/time-of-day";
import { type WeeklyScheduleFormValues, weeklyScheduleSchema } from "@/lib/validations/doctors";

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
  const { form, submit, pending } = useActionForm({
    schema: weeklyScheduleSchema,
    action: setWeeklyScheduleAction,
    defaultValues: { doctorId, hours },
    success: () => "The working hours are saved.",
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "hours" });
  const errors = form.formState.errors;
  const firstOpen = locations.find((location) => location.active)?.id ?? "";

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
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
                        <TimeInput
                          aria-label={`${WEEKDAYS[day]} from`}
                          aria-invalid={errors.hours?.[index]?.start ? true : undefined}
                          registered={form.register(`hours.${index}.start`)}
                        />
                      </div>
                      <span aria-hidden="true">–</span>
                      <div className="w-32">
                        <TimeInput
                          aria-label={`${WEEKDAYS[day]} to`}
                          aria-invalid={errors.hours?.[index]?.end ? true : undefined}
                          registered={form.register(`hours.${index}.end`)}
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
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save working hours
      </SubmitButton>
    </form>
  );
}

function IntervalError({ errors, index }: { errors: FieldErrors<WeeklyScheduleFormValues>; index: number }) {
  const interval = errors.hours?.[index];
  const message = interval?.locationId?.message ?? interval?.start?.message ?? interval?.end?.message;
  return message ? <FieldError>{message}</FieldError> : null;
}
