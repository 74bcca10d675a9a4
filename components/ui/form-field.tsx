import type { ComponentProps, ReactNode } from "react";
import { Input } from "./input";
import { LabelledField } from "./labelled-field";

/** A labelled input with its hint and inline error. With a form, spread `field(name)` of useActionForm. */
export function TextField({
  label,
  hint,
  error,
  ...props
}: ComponentProps<"input"> & { label: ReactNode; hint?: string; error?: string }) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => <Input {...control} {...props} />}
    </LabelledField>
  );
}
