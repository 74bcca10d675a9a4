"use client";

import type { ServerAction } from "@/lib/action-pipeline/result";
import { ReasonDialogButton } from "../reason-dialog-button";

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
  return (
    <ReasonDialogButton
      label="Entered in error…"
      variant="ghost"
      title={`Mark ${what} as entered in error`}
      explanation="It stays in the record for the audit trail but is no longer listed. This cannot be undone."
      placeholder="e.g. recorded on the wrong patient"
      submitLabel="Mark as entered in error"
      pendingLabel="Marking…"
      success={`Marked ${what} as entered in error.`}
      input={input}
      action={action}
    />
  );
}
