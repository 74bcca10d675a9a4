import type { Actor } from "@/lib/auth/actor";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { paperHeadingSchema } from "../paper-heading";
import { renderReferralLetterPdf } from "../pdf/referral-letter-pdf";
import { renderSickNotePdf } from "../pdf/sick-note-pdf";
import { type PrintedFile, printDocument } from "../prints";

export const SICK_NOTE_NOT_FOUND =
  "No such sick note in this clinic. Open it again from the patient's Print tab.";
export const REFERRAL_LETTER_NOT_FOUND =
  "No such referral letter in this clinic. Open it again from the patient's Print tab.";

function headingOf(value: unknown) {
  const parsed = paperHeadingSchema.safeParse(value);
  if (!parsed.success)
    throw new AppError(
      "CONFLICT",
      "This letter's paper details could not be read. Ask its author to check it.",
    );
  return parsed.data;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A sick note as written (its rows never change), on the letterhead fixed when it was written. */
export function printSickNote(options: {
  db: TenantDb;
  actor: Actor;
  sickNoteId: string;
}): Promise<PrintedFile> {
  const { db, actor, sickNoteId } = options;
  return printDocument({
    db,
    actor,
    kind: "SICK_NOTE",
    subjectId: sickNoteId,
    prepare: async (tx) => {
      const note = await tx.sickNote.findUnique({ where: { id: sickNoteId } });
      if (!note) throw new AppError("NOT_FOUND", SICK_NOTE_NOT_FOUND);
      return { ...note, heading: headingOf(note.heading) };
    },
    render: async (note, print, clock) => ({
      fileName: `sick-note-${localDateOf(note.createdAt, note.heading.clinic.timezone)}.pdf`,
      bytes: await renderSickNotePdf({
        heading: note.heading,
        unfitFrom: isoDay(note.unfitFrom),
        unfitTo: isoDay(note.unfitTo),
        body: note.body,
        writtenAt: note.createdAt,
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      }),
    }),
  });
}

/** A referral letter as written, with its recipient block, on the letterhead fixed when it was written. */
export function printReferralLetter(options: {
  db: TenantDb;
  actor: Actor;
  referralLetterId: string;
}): Promise<PrintedFile> {
  const { db, actor, referralLetterId } = options;
  return printDocument({
    db,
    actor,
    kind: "REFERRAL_LETTER",
    subjectId: referralLetterId,
    prepare: async (tx) => {
      const letter = await tx.referralLetter.findUnique({ where: { id: referralLetterId } });
      if (!letter) throw new AppError("NOT_FOUND", REFERRAL_LETTER_NOT_FOUND);
      return { ...letter, heading: headingOf(letter.heading) };
    },
    render: async (letter, print, clock) => ({
      fileName: `referral-letter-${localDateOf(letter.createdAt, letter.heading.clinic.timezone)}.pdf`,
      bytes: await renderReferralLetterPdf({
        heading: letter.heading,
        recipient: letter.recipient,
        recipientAddress: letter.recipientAddress,
        reason: letter.reason,
        history: letter.history,
        body: letter.body,
        writtenAt: letter.createdAt,
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      }),
    }),
  });
}
