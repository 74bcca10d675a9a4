import { type ComponentProps, useId } from "react";
import { cn } from "./cn";
import { FieldError, Label } from "./input";

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
  error,
  options,
  ...props
}: ComponentProps<"select"> & {
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
