"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { startNote } from "@/lib/clinical/notes";
import { startNoteSchema } from "@/lib/validations/notes";

/** Opens the clinician's draft of a kind of note on a visit (a SOAP note needs a doctor). */
export const startNoteAction = defineClinicAction({
  schema: startNoteSchema,
  permission: "nursingNotes.write",
  handler: ({ input, db, actor, role }) =>
    startNote({ db, actor, role, visitId: input.visitId, kind: input.kind }),
});
