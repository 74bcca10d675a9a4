"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAddendumAction } from "@/lib/actions/notes/add-addendum";
import { markNoteEnteredInErrorAction } from "@/lib/actions/notes/mark-note-entered-in-error";
import { addAddendumSchema } from "@/lib/validations/notes";

/** "Add addendum" on a signed note: a correction or addition, kept beside it with author and time. */
export function AddAddendum({ noteId }: { noteId: string }) {
  const [open, setOpen] = useState(false);
  const { field, submit, pending, form } = useActionForm({
    schema: addAddendumSchema,
    action: addAddendumAction,
    defaultValues: { noteId, body: "" },
    success: () => "Addendum added.",
    onSuccess: () => {
      form.reset({ noteId, body: "" });
      setOpen(false);
    },
  });
  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Add addendum
      </Button>
    );
  return (
    <form onSubmit={submit} noValidate className="flex w-full flex-col gap-3">
      <TextAreaField
        label="Addendum"
        hint="Signed with your name and the time; it cannot be changed later."
        rows={4}
        {...field("body")}
      />
      <FormActions
        pending={pending}
        submitLabel="Add addendum"
        pendingLabel="Adding…"
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}

/** "Mark entered in error": the note stays, hidden from default views, with who, when and why. */
export function MarkEnteredInError({ noteId }: { noteId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mark = useActionCall(markNoteEnteredInErrorAction, {
    message: "inline",
    success: () => "Note marked entered in error.",
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Mark entered in error
      </Button>
      {open ? (
        <ConfirmDialog
          title="Mark this note entered in error?"
          confirmLabel="Mark entered in error"
          pendingLabel="Marking…"
          danger
          pending={mark.pending}
          error={mark.error}
          onConfirm={() => mark.call({ noteId, reason })}
          onClose={() => setOpen(false)}
        >
          <p>The note is kept for the record but hidden from the visit and the timeline by default.</p>
          <TextAreaField
            label="Why?"
            hint="For example: written on the wrong patient."
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              mark.clearError();
            }}
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
