"use client";

import { cancelPrescriptionAction } from "@/lib/actions/prescriptions/cancel-prescription";
import { markPrescriptionEnteredInErrorAction } from "@/lib/actions/prescriptions/mark-prescription-entered-in-error";
import { ReasonDialogButton } from "../reason-dialog-button";

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
  return (
    <ReasonDialogButton
      label={words.button}
      variant={kind === "cancel" ? "secondary" : "ghost"}
      title={words.title}
      explanation={words.explain}
      reasonLabel="Why?"
      hint={words.hint}
      submitLabel={words.confirm}
      pendingLabel={words.pending}
      success={words.done}
      input={{ prescriptionId }}
      action={words.action}
    />
  );
}
