import { type ReactNode, useId } from "react";
import { FieldError, Label } from "./input";

/** The attributes that tie a control to its label, hint and error. */
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * What every labelled control shares: its label, its hint and its inline error, wired for screen
 * readers; `children` renders the control with the attributes that tie them together.
 */
export function LabelledField({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
