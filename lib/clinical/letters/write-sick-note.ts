import { findClinicTimeZone } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import {
  daysCovered,
  isoDayPlus,
  SICK_NOTE_MAX_DAYS_BACK,
  SICK_NOTE_MESSAGES,
  type WriteSickNoteInput,
} from "@/lib/validations/letters";
import { type WriteLetterOptions, writeVisitLetter } from "./write-visit-letter";

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes a sick note from a visit, as the doctor confirmed its text, with the paper's heading as
 * it is now (the patient's address today, the doctor's registration today). Written once: the
 * database refuses any later change. The audit row names the dates, never the text.
 */
export async function createSickNote(
  options: WriteLetterOptions<WriteSickNoteInput>,
): Promise<{ id: string }> {
  const { db, input, now = new Date() } = options;
  return writeVisitLetter({
    ...options,
    now,
    check: async () => {
      const today = localDateOf(now, await findClinicTimeZone(db));
      if (input.unfitFrom < isoDayPlus(today, -SICK_NOTE_MAX_DAYS_BACK))
        throw new AppError("INVALID", SICK_NOTE_MESSAGES.tooFarBack, {
          unfitFrom: SICK_NOTE_MESSAGES.tooFarBack,
        });
    },
    create: (tx, columns) =>
      tx.sickNote.create({
        data: {
          ...columns,
          unfitFrom: dayOf(input.unfitFrom),
          unfitTo: dayOf(input.unfitTo),
          body: input.body,
        },
        select: { id: true },
      }),
    audit: (sickNoteId) => ({
      action: "sick-note.written",
      details: {
        sickNoteId,
        unfitFrom: input.unfitFrom,
        unfitTo: input.unfitTo,
        days: daysCovered(input.unfitFrom, input.unfitTo),
      },
    }),
  });
}
