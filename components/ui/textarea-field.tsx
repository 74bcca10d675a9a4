import type { ComponentProps } from "react";
import { cn } from "./cn";
import { LabelledField } from "./labelled-field";

/** A labelled multi-line input with its hint and inline error, like TextField. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...props
}: ComponentProps<"textarea"> & { label: string; hint?: string; error?: string }) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          rows={3}
          {...control}
          className={cn(
            "block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm",
            "placeholder:text-slate-400 focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30",
            "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30",
            className,
          )}
          {...props}
        />
      )}
    </LabelledField>
  );
}
