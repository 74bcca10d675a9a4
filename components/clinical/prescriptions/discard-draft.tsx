"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionCall } from "@/components/ui/use-action-call";
import { discardPrescriptionDraftAction } from "@/lib/actions/prescriptions/discard-prescription-draft";

/** "Discard draft": asks first, then leaves for the visit or the patient. */
export function DiscardDraft({
  prescriptionId,
  leaveTo,
  disabled,
}: {
  prescriptionId: string;
  leaveTo: string;
  disabled: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const discard = useActionCall(discardPrescriptionDraftAction, {
    message: "inline",
    success: () => "Draft discarded.",
    refresh: false,
    onSuccess: () => router.push(leaveTo),
  });
  return (
    <>
      <Button variant="ghost" disabled={disabled} onClick={() => setOpen(true)}>
        Discard draft
      </Button>
      {open ? (
        <ConfirmDialog
          title="Discard this draft prescription?"
          confirmLabel="Discard draft"
          pendingLabel="Discarding…"
          danger
          pending={discard.pending}
          error={discard.error}
          onConfirm={() => discard.call({ prescriptionId })}
          onClose={() => setOpen(false)}
        >
          <p>Its lines are thrown away. Nothing was signed or handed to the patient.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
