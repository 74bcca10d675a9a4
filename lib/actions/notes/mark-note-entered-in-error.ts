"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { markNoteEnteredInError } from "@/lib/clinical/notes";
import { markNoteEnteredInErrorSchema } from "@/lib/validations/notes";

/** Marks a note entered in error with a reason: its author or a doctor; the note is kept. */
export const markNoteEnteredInErrorAction = defineClinicAction({
  schema: markNoteEnteredInErrorSchema,
  permission: "nursingNotes.write",
  handler: ({ input, db, actor, role }) =>
    markNoteEnteredInError({ db, actor, role, noteId: input.noteId, reason: input.reason }),
});
