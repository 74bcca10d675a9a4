import type { ComponentProps } from "react";
import { cn } from "./cn";
import { LabelledField } from "./labelled-field";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm",
        "focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30 aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}

/** A labelled select with its inline error. */
export function SelectField({
  label,
  hint,
  error,
  options,
  ...props
}: ComponentProps<"select"> & {
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => (
        <Select {...control} {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </LabelledField>
  );
}
