import type { ComponentProps } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/** A form's submit button: disabled while its action runs, saying what is happening. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pending: boolean; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending || disabled} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** The foot of a form in a dialog: the way back, then the submit button, on the right. */
export function FormActions({
  pending,
  submitLabel,
  pendingLabel,
  danger = false,
  disabled,
  onCancel,
  cancelLabel = "Cancel",
  className,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  danger?: boolean;
  /** Besides while pending: e.g. until a confirmation is typed. */
  disabled?: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap justify-end gap-2", className)}>
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        {cancelLabel}
      </Button>
      <SubmitButton
        pending={pending}
        pendingLabel={pendingLabel}
        disabled={disabled}
        variant={danger ? "danger" : "primary"}
      >
        {submitLabel}
      </SubmitButton>
    </div>
  );
}
