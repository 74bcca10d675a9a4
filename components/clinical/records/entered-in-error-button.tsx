"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ServerAction } from "@/lib/action-pipeline/result";

/**
 * "Entered in error" for one row: asks why, then marks it. The row is kept (and audited) but no
 * longer listed by default.
 */
export function EnteredInErrorButton({
  what,
  input,
  action,
}: {
  /** "this immunization", "this document". */
  what: string;
  /** The row's id under the name the action takes: `{ immunizationId }`, `{ documentId }`. */
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
      success: () => `Marked ${what} as entered in error.`,
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
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Entered in error…
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title={`Mark ${what} as entered in error`}>
          <form
            noValidate
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              setFieldError(undefined);
              call({ reason });
            }}
          >
            <p className="text-sm text-slate-700">
              It stays in the record for the audit trail but is no longer listed. This cannot be undone.
            </p>
            <TextAreaField
              label="Reason"
              placeholder="e.g. recorded on the wrong patient"
              value={reason}
              error={fieldError}
              onChange={(event) => setReason(event.target.value)}
            />
            {error ? <Notice>{error}</Notice> : null}
            <FormActions
              pending={pending}
              danger
              submitLabel="Mark as entered in error"
              pendingLabel="Marking…"
              onCancel={() => setOpen(false)}
            />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
