import type { ComponentProps, ReactNode } from "react";
import { useId } from "react";
import { FieldError } from "./input";

/** A checkbox with its label beside it, a hint and an inline error. With a form, spread `field(name)`. */
export function CheckboxField({
  label,
  hint,
  error,
  ...props
}: Omit<ComponentProps<"input">, "type"> & { label: ReactNode; hint?: string; error?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 size-4 shrink-0 accent-teal-700"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...props}
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="pl-6 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <FieldError id={`${id}-error`} className="pl-6">
          {error}
        </FieldError>
      ) : null}
    </div>
  );
}
