import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { findClinicTimeZone } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import { buildPaperHeading } from "@/lib/documents/paper-heading";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import {
  daysCovered,
  isoDayPlus,
  SICK_NOTE_MAX_DAYS_BACK,
  SICK_NOTE_MESSAGES,
  type WriteSickNoteInput,
} from "@/lib/validations/letters";
import { findLetterVisit } from "./letter-visit";

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes a sick note from a visit, as the doctor confirmed its text, with the paper's heading as
 * it is now (the patient's address today, the doctor's registration today). Written once: the
 * database refuses any later change. The audit row names the dates, never the text.
 */
export async function createSickNote(options: {
  db: TenantDb;
  actor: Actor;
  input: WriteSickNoteInput;
  now?: Date;
}): Promise<{ id: string }> {
  const { db, actor, input, now = new Date() } = options;
  const visit = await findLetterVisit({ db, visitId: input.visitId, patientId: input.patientId });
  const today = localDateOf(now, await findClinicTimeZone(db));
  if (input.unfitFrom < isoDayPlus(today, -SICK_NOTE_MAX_DAYS_BACK))
    throw new AppError("INVALID", SICK_NOTE_MESSAGES.tooFarBack, {
      unfitFrom: SICK_NOTE_MESSAGES.tooFarBack,
    });
  const heading = await buildPaperHeading({
    db,
    patientId: visit.patientId,
    authorId: actor.id,
    locationId: visit.locationId,
    at: now,
  });
  return db.$transaction(async (tx) => {
    const note = await tx.sickNote.create({
      data: {
        patientId: visit.patientId,
        visitId: visit.id,
        authorId: actor.id,
        unfitFrom: dayOf(input.unfitFrom),
        unfitTo: dayOf(input.unfitTo),
        body: input.body,
        heading,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sick-note.written",
      targetType: "patient",
      targetId: visit.patientId,
      details: {
        patientId: visit.patientId,
        visitId: visit.id,
        sickNoteId: note.id,
        unfitFrom: input.unfitFrom,
        unfitTo: input.unfitTo,
        days: daysCovered(input.unfitFrom, input.unfitTo),
      },
    });
    return note;
  });
}
