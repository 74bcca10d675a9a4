"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionCall } from "@/components/ui/use-action-call";
import { completeMedicationAction } from "@/lib/actions/medications/complete-medication";
import { represcribeMedicationAction } from "@/lib/actions/medications/represcribe-medication";
import { stopMedicationAction } from "@/lib/actions/medications/stop-medication";
import { ReasonDialogButton } from "../reason-dialog-button";

/** One click: the line copied into a new draft prescription, which opens for checking and signing. */
export function ReprescribeButton({ lineId, title }: { lineId: string; title: string }) {
  const router = useRouter();
  const { call, pending } = useActionCall(represcribeMedicationAction, {
    refresh: false,
    onSuccess: ({ prescriptionId }) => router.push(`/prescriptions/${prescriptionId}`),
  });
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={`Re-prescribe ${title}`}
      disabled={pending}
      onClick={() => call({ lineId })}
    >
      {pending ? "Opening a draft…" : "Re-prescribe"}
    </Button>
  );
}

/** Stop (with the reason) and complete, for a current prescribed medication. */
export function CurrentMedicationActions({ lineId, title }: { lineId: string; title: string }) {
  const [completing, setCompleting] = useState(false);
  const complete = useActionCall(completeMedicationAction, {
    message: "inline",
    success: () => `${title} is marked completed.`,
    onSuccess: () => setCompleting(false),
  });
  return (
    <div className="flex flex-wrap gap-2">
      <ReprescribeButton lineId={lineId} title={title} />
      <ReasonDialogButton
        label="Stop"
        ariaLabel={`Stop ${title}`}
        title={`Stop ${title}`}
        explanation="The patient was taking it and is told to stop. It moves to past medications with the reason."
        placeholder="e.g. rash after the third dose"
        submitLabel="Stop medication"
        success={`${title} is stopped.`}
        input={{ lineId }}
        action={stopMedicationAction}
      />
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Complete ${title}`}
        onClick={() => setCompleting(true)}
      >
        Complete
      </Button>
      {completing ? (
        <ConfirmDialog
          title={`Mark ${title} completed`}
          confirmLabel="Mark completed"
          pendingLabel="Saving…"
          pending={complete.pending}
          error={complete.error}
          onConfirm={() => complete.call({ lineId })}
          onClose={() => setCompleting(false)}
        >
          <p>
            The course is done before its planned end. It moves to past medications; courses with a duration
            complete by themselves when they end.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
