"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { printSickNote, SICK_NOTE_NOT_FOUND } from "@/lib/documents/printing/print-letter";

/** A sick note as a PDF (a reprint says COPY); every print is logged and audited. */
export const printSickNoteAction = defineClinicAction({
  schema: z.object({ sickNoteId: z.uuid(SICK_NOTE_NOT_FOUND) }),
  permission: "letters.write",
  handler: ({ input, db, actor }) => printSickNote({ db, actor, sickNoteId: input.sickNoteId }),
});
