import { z } from "zod";

export const NOTE_KINDS = ["SOAP", "TRIAGE", "INJECTION", "DRESSING"] as const;
export const NURSING_NOTE_KINDS = ["TRIAGE", "INJECTION", "DRESSING"] as const;

export const NOTE_KIND_LABELS: Record<(typeof NOTE_KINDS)[number], string> = {
  SOAP: "SOAP note",
  TRIAGE: "Triage note",
  INJECTION: "Injection note",
  DRESSING: "Dressing note",
};

/** The parts of a note that hold text: SOAP's four sections, or a nursing note's body. */
export const NOTE_SECTIONS = ["subjective", "objective", "assessment", "plan", "body"] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

export const NOTE_SECTION_LABELS: Record<NoteSection, string> = {
  subjective: "Subjective",
  objective: "Objective",
  assessment: "Assessment",
  plan: "Plan",
  body: "Note",
};

const MAX_SECTION = 20_000;
const section = z
  .string()
  .max(MAX_SECTION, `Keep each section to ${MAX_SECTION.toLocaleString("en")} characters or fewer.`)
  .default("");

export const noteContentSchema = z.object({
  subjective: section,
  objective: section,
  assessment: section,
  plan: section,
  body: section,
});

export type NoteContent = z.output<typeof noteContentSchema>;

/** Opens a draft of `kind` on a visit (or the author's existing draft of that kind). */
export const startNoteSchema = z.object({
  visitId: z.uuid("Choose a visit."),
  kind: z.enum(NOTE_KINDS, "Choose the kind of note."),
});

/** One autosave: the text as it stands and the revision it was typed on. */
export const saveNoteDraftSchema = noteContentSchema.extend({
  noteId: z.uuid("Choose a note."),
  revision: z.int("The note's revision is missing; reload the page.").min(0).max(2_000_000_000),
});

export type SaveNoteDraftInput = z.output<typeof saveNoteDraftSchema>;

/** Signing saves the final text and locks it, in one step. */
export const signNoteSchema = saveNoteDraftSchema;

export const addAddendumSchema = z.object({
  noteId: z.uuid("Choose a note."),
  body: z.string().trim().min(1, "Write the addendum.").max(5000),
});

export const markNoteEnteredInErrorSchema = z.object({
  noteId: z.uuid("Choose a note."),
  reason: z.string().trim().min(1, "Say why, e.g. written on the wrong patient.").max(500),
});
