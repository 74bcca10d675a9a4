"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ServerAction } from "@/lib/action-pipeline/result";

/**
 * The one way to ask for a reason, then act: a button opening a dialog that explains what will
 * happen and asks why, then runs the action with `{ ...input, reason }`. A refused reason shows
 * under the field; any other refusal inside the dialog.
 */
export function ReasonDialogButton({
  label,
  ariaLabel,
  variant = "secondary",
  title,
  explanation,
  reasonLabel = "Reason",
  placeholder,
  hint,
  submitLabel,
  pendingLabel = "Saving…",
  success,
  input,
  action,
}: {
  label: string;
  ariaLabel?: string;
  variant?: "secondary" | "ghost";
  title: string;
  explanation: ReactNode;
  reasonLabel?: string;
  placeholder?: string;
  hint?: string;
  submitLabel: string;
  pendingLabel?: string;
  success: string;
  input: Record<string, string>;
  action: ServerAction<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { call, pending, error } = useActionCall(
    (values: { reason: string }) => action({ ...input, ...values }),
    {
      message: "inline",
      success: () => success,
      onSuccess: () => setOpen(false),
      onRefused: (refusal) => {
        if (!refusal.fields?.reason) return false;
        setFieldError(refusal.fields.reason);
        return true;
      },
    },
  );
  return (
    <>
      <Button variant={variant} size="sm" aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title={title}>
          <form
            noValidate
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              setFieldError(undefined);
              call({ reason });
            }}
          >
            <p className="text-sm text-slate-700">{explanation}</p>
            <TextAreaField
              label={reasonLabel}
              placeholder={placeholder}
              hint={hint}
              value={reason}
              error={fieldError}
              onChange={(event) => setReason(event.target.value)}
            />
            {error ? <Notice>{error}</Notice> : null}
            <FormActions
              pending={pending}
              danger
              submitLabel={submitLabel}
              pendingLabel={pendingLabel}
              onCancel={() => setOpen(false)}
            />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
