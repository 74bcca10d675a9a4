"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createSickNote } from "@/lib/clinical/letters/write-sick-note";
import { writeSickNoteSchema } from "@/lib/validations/letters";

/** A doctor writes a sick note from a visit: once, never changed afterwards. */
export const writeSickNoteAction = defineClinicAction({
  schema: writeSickNoteSchema,
  permission: "letters.write",
  handler: ({ input, db, actor }) => createSickNote({ db, actor, input }),
});
