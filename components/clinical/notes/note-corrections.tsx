"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAddendumAction } from "@/lib/actions/notes/add-addendum";
import { markNoteEnteredInErrorAction } from "@/lib/actions/notes/mark-note-entered-in-error";
import { addAddendumSchema } from "@/lib/validations/notes";
import { ReasonDialogButton } from "../reason-dialog-button";

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
  return (
    <ReasonDialogButton
      label="Mark entered in error"
      variant="ghost"
      title="Mark this note entered in error?"
      explanation="The note is kept for the record but hidden from the visit and the timeline by default."
      reasonLabel="Why?"
      hint="For example: written on the wrong patient."
      submitLabel="Mark entered in error"
      pendingLabel="Marking…"
      success="Note marked entered in error."
      input={{ noteId }}
      action={markNoteEnteredInErrorAction}
    />
  );
}
