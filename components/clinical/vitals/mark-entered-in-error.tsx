"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { markVitalsEnteredInErrorAction } from "@/lib/actions/vitals/mark-vitals-entered-in-error";
import { markVitalsEnteredInErrorSchema } from "@/lib/validations/vitals";

function EnteredInErrorDialog({
  vitalsId,
  takenAt,
  onClose,
}: {
  vitalsId: string;
  takenAt: string;
  onClose: () => void;
}) {
  const { field, submit, pending, formError } = useActionForm({
    schema: markVitalsEnteredInErrorSchema,
    action: markVitalsEnteredInErrorAction,
    defaultValues: { vitalsId, reason: "" },
    message: "inline",
    success: () => "Marked as entered in error.",
    onSuccess: onClose,
  });
  return (
    <Dialog open onClose={onClose} title="Mark as entered in error">
      <p className="text-sm text-slate-700">
        The vitals taken {takenAt} stay in the record, struck through with your reason, and leave the charts
        and BMI calculations.
      </p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextAreaField
          label="Why are these vitals wrong?"
          placeholder="Recorded on the wrong patient"
          {...field("reason")}
        />
        {formError ? <Notice>{formError}</Notice> : null}
        <FormActions
          pending={pending}
          submitLabel="Mark entered in error"
          pendingLabel="Marking…"
          danger
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

/** The button on a row of the vitals table, and its dialog asking why. */
export function MarkEnteredInError({ vitalsId, takenAt }: { vitalsId: string; takenAt: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={`Mark the vitals of ${takenAt} as entered in error`}
      >
        Entered in error…
      </Button>
      {open ? (
        <EnteredInErrorDialog vitalsId={vitalsId} takenAt={takenAt} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
