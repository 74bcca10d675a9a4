"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { addAddendum } from "@/lib/clinical/notes";
import { addAddendumSchema } from "@/lib/validations/notes";

/** Adds a correction or addition to a signed note (append-only). */
export const addAddendumAction = defineClinicAction({
  schema: addAddendumSchema,
  permission: "addenda.write",
  handler: ({ input, db, actor }) => addAddendum({ db, actor, noteId: input.noteId, body: input.body }),
});
