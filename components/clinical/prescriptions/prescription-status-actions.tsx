"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import { cancelPrescriptionAction } from "@/lib/actions/prescriptions/cancel-prescription";
import { markPrescriptionEnteredInErrorAction } from "@/lib/actions/prescriptions/mark-prescription-entered-in-error";

const KINDS = {
  cancel: {
    action: cancelPrescriptionAction,
    button: "Cancel prescription",
    title: "Cancel this prescription?",
    confirm: "Cancel prescription",
    pending: "Cancelling…",
    done: "Prescription cancelled.",
    explain:
      "For a prescription withdrawn before the patient took any of it. It is kept, marked cancelled with your reason, and can no longer be printed.",
    hint: "For example: the patient will not take it; a different medicine was chosen.",
  },
  error: {
    action: markPrescriptionEnteredInErrorAction,
    button: "Mark entered in error",
    title: "Mark this prescription entered in error?",
    confirm: "Mark entered in error",
    pending: "Marking…",
    done: "Prescription marked entered in error.",
    explain:
      "For a prescription that should never have been written (wrong patient, wrong medicine). It is kept with your reason and can no longer be printed.",
    hint: "For example: written for the wrong patient.",
  },
};

/** One way to withdraw a signed prescription, with its reason asked in a dialog. */
export function WithdrawPrescription({
  prescriptionId,
  kind,
}: {
  prescriptionId: string;
  kind: keyof typeof KINDS;
}) {
  const words = KINDS[kind];
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const withdraw = useActionCall(words.action, {
    message: "inline",
    success: () => words.done,
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button size="sm" variant={kind === "cancel" ? "secondary" : "ghost"} onClick={() => setOpen(true)}>
        {words.button}
      </Button>
      {open ? (
        <ConfirmDialog
          title={words.title}
          confirmLabel={words.confirm}
          pendingLabel={words.pending}
          danger
          pending={withdraw.pending}
          error={withdraw.error}
          onConfirm={() => withdraw.call({ prescriptionId, reason })}
          onClose={() => setOpen(false)}
        >
          <p>{words.explain}</p>
          <TextAreaField
            label="Why?"
            hint={words.hint}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              withdraw.clearError();
            }}
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
