"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionCall } from "@/components/ui/use-action-call";
import { recordNoKnownAllergiesAction } from "@/lib/actions/allergies/record-no-known-allergies";

/** "No known allergies" as a statement someone makes after asking the patient. */
export function NoKnownAllergiesButton({ patientId }: { patientId: string }) {
  const [open, setOpen] = useState(false);
  const recorded = useActionCall(recordNoKnownAllergiesAction, {
    message: "inline",
    success: () => "Recorded: no known allergies.",
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        No known allergies
      </Button>
      {open ? (
        <ConfirmDialog
          title="Record no known allergies"
          confirmLabel="Record"
          pendingLabel="Recording…"
          pending={recorded.pending}
          error={recorded.error}
          onConfirm={() => recorded.call({ patientId })}
          onClose={() => setOpen(false)}
        >
          <p>
            Record this only after asking the patient (or their carer) about medicines, foods and other
            allergies.
          </p>
          <p>Your name and the time are kept with the statement. Recording an allergy later replaces it.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
