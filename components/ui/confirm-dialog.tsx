"use client";

import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { FormActions } from "./form-actions";
import { Notice } from "./notice";

/**
 * "Are you sure?" for one action, with its consequences spelled out; a refusal shows inline when
 * `error` is given. Mount it while it is open: it opens with its first render.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel = "Working…",
  danger = false,
  pending,
  error = null,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  danger?: boolean;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} title={title}>
      <div className="flex flex-col gap-3 text-sm text-slate-700">{children}</div>
      {error ? <Notice>{error}</Notice> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <FormActions
          pending={pending}
          submitLabel={confirmLabel}
          pendingLabel={pendingLabel}
          danger={danger}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
