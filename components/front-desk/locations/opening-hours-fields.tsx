"use client";

import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TimeInput } from "@/components/ui/clock-fields";
import { FieldError } from "@/components/ui/input";
import { WEEKDAY_ORDER, WEEKDAYS } from "@/lib/clinic/time-of-day";
import type { LocationFormValues, LocationInput } from "@/lib/validations/locations";

/** Opening hours per weekday, Monday first: several intervals a day, none for a closed day. */
export function OpeningHoursFields({
  control,
  register,
  errors,
}: {
  control: Control<LocationFormValues, unknown, LocationInput>;
  register: UseFormRegister<LocationFormValues>;
  errors: FieldErrors<LocationFormValues>;
}) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium text-slate-800">Opening hours</legend>
      {typeof errors.openingHours?.message === "string" ? (
        <FieldError>{errors.openingHours.message}</FieldError>
      ) : null}
      <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {WEEKDAY_ORDER.map((day) => (
          <DayHours key={day} day={day} control={control} register={register} errors={errors} />
        ))}
      </ul>
    </fieldset>
  );
}

function DayHours({
  day,
  control,
  register,
  errors,
}: {
  day: number;
  control: Control<LocationFormValues, unknown, LocationInput>;
  register: UseFormRegister<LocationFormValues>;
  errors: FieldErrors<LocationFormValues>;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: `openingHours.${day}` });
  const dayErrors = errors.openingHours?.[day];
  const name = WEEKDAYS[day];
  return (
    <li className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-start">
      <span className="w-28 shrink-0 pt-2 text-sm font-medium text-slate-800">{name}</span>
      <div className="flex flex-1 flex-col gap-2">
        {fields.length === 0 ? <span className="pt-2 text-sm text-slate-500">Closed</span> : null}
        {fields.map((field, index) => {
          const error = dayErrors?.[index]?.start?.message ?? dayErrors?.[index]?.end?.message;
          return (
            <div key={field.id} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <div className="w-32">
                  <TimeInput
                    aria-label={`${name} opens`}
                    aria-invalid={dayErrors?.[index]?.start ? true : undefined}
                    registered={register(`openingHours.${day}.${index}.start`)}
                  />
                </div>
                <span aria-hidden="true">–</span>
                <div className="w-32">
                  <TimeInput
                    aria-label={`${name} closes`}
                    aria-invalid={dayErrors?.[index]?.end ? true : undefined}
                    registered={register(`openingHours.${day}.${index}.end`)}
                  />
                </div>
                <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                  Remove
                  <span className="sr-only">
                    {" "}
                    {name} interval {index + 1}
                  </span>
                </Button>
              </div>
              {error ? <FieldError>{error}</FieldError> : null}
            </div>
          );
        })}
      </div>
      <Button
        variant="secondary"
        size="sm"
        className="self-start"
        disabled={fields.length >= 4}
        onClick={() =>
          append(fields.length === 0 ? { start: "09:00", end: "17:00" } : { start: "", end: "" })
        }
      >
        Add hours<span className="sr-only"> on {name}</span>
      </Button>
    </li>
  );
}
