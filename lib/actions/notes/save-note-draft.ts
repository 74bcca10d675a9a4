"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { saveNoteDraft } from "@/lib/clinical/notes";
import { saveNoteDraftSchema } from "@/lib/validations/notes";

/** One autosave of the author's draft, refused when another tab saved first. */
export const saveNoteDraftAction = defineClinicAction({
  schema: saveNoteDraftSchema,
  permission: "nursingNotes.write",
  handler: ({ input, db, actor, role }) => {
    const { noteId, revision, ...content } = input;
    return saveNoteDraft({ db, actor, role, noteId, revision, content });
  },
});
