"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { signNote } from "@/lib/clinical/notes";
import { signNoteSchema } from "@/lib/validations/notes";

/** Saves the note's final text and signs it: only its author, only a draft. */
export const signNoteAction = defineClinicAction({
  schema: signNoteSchema,
  permission: "nursingNotes.write",
  handler: ({ input, db, actor, role }) => {
    const { noteId, revision, ...content } = input;
    return signNote({ db, actor, role, noteId, revision, content });
  },
});
