import type { Actor } from "@/lib/auth/actor";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { AppError } from "@/lib/errors";
import type { ClinicalNote, NoteKind, StaffRole } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { NoteContent } from "@/lib/validations/notes";

export const SIGNED_NOTE_MESSAGE =
  "This note is signed and can no longer be changed. Add an addendum instead.";
const STALE_MESSAGE =
  "This note was changed in another tab or on another device. Copy what you typed, reload the page and add it again.";
const NOT_AUTHOR_MESSAGE = "Only the clinician who wrote this note can change or sign it.";
const NO_NOTE = "No such note in this clinic.";

/** A SOAP note is a doctor's; nursing notes are a nurse's or a doctor's. */
function mayWrite(role: StaffRole, kind: NoteKind): boolean {
  return clinicRoleCan(role, kind === "SOAP" ? "notes.write" : "nursingNotes.write");
}

/** Only the fields of its kind: a SOAP note's four sections, or a nursing note's body. */
function contentOf(kind: NoteKind, content: NoteContent): NoteContent {
  return kind === "SOAP"
    ? { ...content, body: "" }
    : { subjective: "", objective: "", assessment: "", plan: "", body: content.body };
}

/**
 * Opens the author's draft of `kind` on a visit: their existing draft if there is one, else a new
 * one. A visit has one SOAP note; once it is signed, corrections are addenda.
 */
export async function startNote(options: {
  db: TenantDb;
  actor: Actor;
  role: StaffRole;
  visitId: string;
  kind: NoteKind;
}): Promise<{ noteId: string }> {
  const { db, actor, role, visitId, kind } = options;
  if (!mayWrite(role, kind)) throw new AppError("FORBIDDEN", "Only a doctor writes the SOAP note.");
  const visit = await db.visit.findUnique({ where: { id: visitId }, select: { id: true, patientId: true } });
  if (!visit) throw new AppError("NOT_FOUND", "No such visit in this clinic.");
  const own = await db.clinicalNote.findFirst({
    where: { visitId, kind, authorId: actor.id, status: "DRAFT" },
    select: { id: true },
  });
  if (own) return { noteId: own.id };
  if (kind === "SOAP") {
    const other = await db.clinicalNote.findFirst({
      where: { visitId, kind: "SOAP", status: { not: "ENTERED_IN_ERROR" } },
      select: { status: true },
    });
    if (other)
      throw new AppError(
        "CONFLICT",
        other.status === "SIGNED"
          ? "This visit's SOAP note is signed: add an addendum to it instead."
          : "Another doctor is writing this visit's SOAP note.",
      );
  }
  return db.$transaction(async (tx) => {
    const note = await tx.clinicalNote.create({
      data: { visitId, patientId: visit.patientId, authorId: actor.id, kind },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "note.started",
      targetType: "note",
      targetId: note.id,
      details: { patientId: visit.patientId, visitId, kind },
    });
    return { noteId: note.id };
  });
}

/**
 * The author's own note, or why it cannot be changed. With `retried` (an autosave's text), a note
 * one revision on that already holds exactly that text is this save applied once before, its
 * answer lost on the way (the browser retries a dropped save): it is returned as it is.
 */
async function findOwnDraft(
  db: TenantDb,
  actor: Actor,
  role: StaffRole,
  noteId: string,
  revision: number,
  retried?: NoteContent,
) {
  const note = await db.clinicalNote.findUnique({ where: { id: noteId } });
  if (!note) throw new AppError("NOT_FOUND", NO_NOTE);
  if (note.authorId !== actor.id || !mayWrite(role, note.kind))
    throw new AppError("FORBIDDEN", NOT_AUTHOR_MESSAGE);
  if (note.status !== "DRAFT") throw new AppError("CONFLICT", SIGNED_NOTE_MESSAGE);
  if (note.revision === revision) return note;
  const content = retried && contentOf(note.kind, retried);
  const applied =
    content &&
    note.revision === revision + 1 &&
    Object.entries(content).every(([field, text]) => note[field as keyof NoteContent] === text);
  if (!applied) throw new AppError("CONFLICT", STALE_MESSAGE);
  return note;
}

/**
 * Why an update that matched no row did not apply, read again in the same transaction (a second
 * pooled connection could wait behind this one's lock until the request budget runs out).
 */
async function lostRace(db: Pick<TenantDb, "clinicalNote">, noteId: string): Promise<AppError> {
  const now = await db.clinicalNote.findUnique({ where: { id: noteId }, select: { status: true } });
  return new AppError("CONFLICT", now && now.status !== "DRAFT" ? SIGNED_NOTE_MESSAGE : STALE_MESSAGE);
}

/**
 * One autosave of a draft: applied only on the revision it was typed on (a save that lost the
 * race to another tab is refused, not applied), and the revision moves on.
 */
export async function saveNoteDraft(options: {
  db: TenantDb;
  actor: Actor;
  role: StaffRole;
  noteId: string;
  revision: number;
  content: NoteContent;
}): Promise<{ revision: number; savedAt: Date }> {
  const { db, actor, noteId, revision } = options;
  const note = await findOwnDraft(db, actor, options.role, noteId, revision, options.content);
  if (note.revision !== revision) return { revision: note.revision, savedAt: note.updatedAt };
  return conflictWhenLocked(SIGNED_NOTE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const saved = await tx.clinicalNote.updateMany({
        where: { id: noteId, status: "DRAFT", revision },
        data: { ...contentOf(note.kind, options.content), revision: { increment: 1 } },
      });
      if (saved.count === 0) throw await lostRace(tx, noteId);
      await recordAuditEvent(tx, {
        actor,
        action: "note.draft-saved",
        targetType: "note",
        targetId: noteId,
        details: {
          patientId: note.patientId,
          visitId: note.visitId,
          kind: note.kind,
          revision: revision + 1,
        },
      });
      const row = await tx.clinicalNote.findUniqueOrThrow({ where: { id: noteId } });
      return { revision: row.revision, savedAt: row.updatedAt };
    }),
  );
}

/** Saves the final text and signs it in one transaction: only the author signs, only a draft. */
export async function signNote(options: {
  db: TenantDb;
  actor: Actor;
  role: StaffRole;
  noteId: string;
  revision: number;
  content: NoteContent;
}): Promise<{ noteId: string; signedAt: Date }> {
  const { db, actor, noteId, revision } = options;
  const note = await findOwnDraft(db, actor, options.role, noteId, revision);
  const content = contentOf(note.kind, options.content);
  if (Object.values(content).every((text) => text.trim() === ""))
    throw new AppError("INVALID", "Write the note before signing it.");
  return conflictWhenLocked(SIGNED_NOTE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const signedAt = new Date();
      const signed = await tx.clinicalNote.updateMany({
        where: { id: noteId, status: "DRAFT", revision },
        data: { ...content, revision: { increment: 1 }, status: "SIGNED", signedAt },
      });
      if (signed.count === 0) throw await lostRace(tx, noteId);
      await recordAuditEvent(tx, {
        actor,
        action: "note.signed",
        targetType: "note",
        targetId: noteId,
        details: { patientId: note.patientId, visitId: note.visitId, kind: note.kind },
      });
      return { noteId, signedAt };
    }),
  );
}

/** A correction or addition to a signed note, by any clinician who writes notes: append-only. */
export async function addAddendum(options: {
  db: TenantDb;
  actor: Actor;
  noteId: string;
  body: string;
}): Promise<{ addendumId: string }> {
  const { db, actor, noteId, body } = options;
  const note = await db.clinicalNote.findUnique({ where: { id: noteId } });
  if (!note) throw new AppError("NOT_FOUND", NO_NOTE);
  if (note.status === "DRAFT")
    throw new AppError("CONFLICT", "This note is still a draft: change it directly instead.");
  if (note.status === "ENTERED_IN_ERROR")
    throw new AppError("CONFLICT", "This note was marked entered in error and takes no addenda.");
  return conflictWhenLocked(SIGNED_NOTE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const addendum = await tx.noteAddendum.create({ data: { noteId, authorId: actor.id, body } });
      await recordAuditEvent(tx, {
        actor,
        action: "note.addendum-added",
        targetType: "note",
        targetId: noteId,
        details: {
          patientId: note.patientId,
          visitId: note.visitId,
          kind: note.kind,
          addendumId: addendum.id,
        },
      });
      return { addendumId: addendum.id };
    }),
  );
}

/**
 * A note written on the wrong patient (or otherwise in error): kept, with who, when and why, and
 * hidden from default views. Its author or a doctor marks it.
 */
export async function markNoteEnteredInError(options: {
  db: TenantDb;
  actor: Actor;
  role: StaffRole;
  noteId: string;
  reason: string;
}): Promise<{ noteId: string }> {
  const { db, actor, role, noteId, reason } = options;
  const note = await db.clinicalNote.findUnique({ where: { id: noteId } });
  if (!note) throw new AppError("NOT_FOUND", NO_NOTE);
  if (note.authorId !== actor.id && !clinicRoleCan(role, "notes.write"))
    throw new AppError("FORBIDDEN", "Only the note's author or a doctor can mark it entered in error.");
  if (note.status === "ENTERED_IN_ERROR")
    throw new AppError("CONFLICT", "This note is already marked entered in error.");
  return conflictWhenLocked(SIGNED_NOTE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const marked = await tx.clinicalNote.updateMany({
        where: { id: noteId, status: note.status },
        data: {
          status: "ENTERED_IN_ERROR",
          enteredInErrorAt: new Date(),
          enteredInErrorById: actor.id,
          enteredInErrorReason: reason,
        },
      });
      if (marked.count === 0)
        throw new AppError("CONFLICT", "Someone changed this note meanwhile. Reload and try again.");
      await recordAuditEvent(tx, {
        actor,
        action: "note.entered-in-error",
        targetType: "note",
        targetId: noteId,
        details: { patientId: note.patientId, visitId: note.visitId, kind: note.kind, from: note.status },
      });
      return { noteId };
    }),
  );
}

export type UnsignedNote = Pick<ClinicalNote, "id" | "kind" | "createdAt" | "updatedAt" | "visitId"> & {
  patient: { id: string; mrn: string; firstName: string; lastName: string };
  visitStartedAt: Date;
};

/** The clinician's drafts, oldest first: what they still have to sign. */
export async function findUnsignedNotes(options: {
  db: TenantDb;
  authorId: string;
}): Promise<UnsignedNote[]> {
  const rows = await options.db.clinicalNote.findMany({
    where: { authorId: options.authorId, status: "DRAFT" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      createdAt: true,
      updatedAt: true,
      visitId: true,
      patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
      visit: { select: { startedAt: true } },
    },
  });
  return rows.map(({ visit, ...row }) => ({ ...row, visitStartedAt: visit.startedAt }));
}

export function countUnsignedNotes(options: { db: TenantDb; authorId: string }): Promise<number> {
  return options.db.clinicalNote.count({ where: { authorId: options.authorId, status: "DRAFT" } });
}
