import { z } from "zod";

// What a timeline entry is: its kinds and shape, how a row of the timeline query becomes one, and
// the cursor a page ends at as it travels in a URL.

export const TIMELINE_KINDS = [
  "appointment",
  "visit",
  "vitals",
  "diagnosis",
  "immunization",
  "document",
  "prescription",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Where a page ends: the last entry's time, kind and id (the order is newest first, ties by kind, then id). */
export type TimelineCursor = { at: Date; kind: TimelineKind; id: string };

type Common = { id: string; at: Date; visitId: string | null; enteredInError: boolean };

export type TimelineEntry =
  | (Common & {
      kind: "appointment";
      status: string;
      reason: string | null;
      doctor: string;
      location: string;
    })
  | (Common & {
      kind: "visit";
      reason: string;
      doctor: string;
      location: string;
      notes: { drafts: number; signed: number; enteredInError: number };
      /** The first line of the first signed note's assessment (or its text for a nursing note), short. */
      firstLine: string | null;
    })
  | (Common & { kind: "vitals"; recordedBy: string | null; measures: TimelineVitals })
  | (Common & {
      kind: "diagnosis";
      code: string;
      title: string;
      status: string;
      onProblemList: boolean;
      inCodeList: boolean;
    })
  | (Common & { kind: "immunization"; vaccine: string; doseNumber: number | null })
  | (Common & { kind: "document"; title: string; category: string })
  | (Common & {
      kind: "prescription";
      number: string;
      prescriber: string;
      status: string;
      medicines: string[];
    });

export type TimelineVitals = {
  heightValue: number | null;
  heightUnit: string | null;
  weightValue: number | null;
  weightUnit: string | null;
  bmi: number | null;
  temperatureValue: number | null;
  temperatureUnit: string | null;
  heartRate: number | null;
  respiratoryRate: number | null;
  systolic: number | null;
  diastolic: number | null;
  spo2: number | null;
  painScore: number | null;
};

/** How much of a note's first line an entry shows (the query cuts it one longer, to know it was cut). */
export const FIRST_LINE_LENGTH = 80;

/** One row of the timeline query (lib/clinical/timeline.ts). */
export type TimelineRow = {
  at: Date;
  kind: TimelineKind;
  id: string;
  visit_id: string | null;
  entered_in_error: boolean;
  details: Record<string, unknown>;
};

const text = (value: unknown) => (typeof value === "string" ? value : null);
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function firstLineOf(value: unknown): string | null {
  const line = text(value)?.trim();
  if (!line) return null;
  return line.length > FIRST_LINE_LENGTH ? `${line.slice(0, FIRST_LINE_LENGTH - 1).trimEnd()}…` : line;
}

export function entryOf(row: TimelineRow): TimelineEntry {
  const common: Common = {
    id: row.id,
    at: row.at,
    visitId: row.visit_id,
    enteredInError: row.entered_in_error,
  };
  const d = row.details;
  switch (row.kind) {
    case "appointment":
      return {
        ...common,
        kind: "appointment",
        status: String(d.status),
        reason: text(d.reason),
        doctor: String(d.doctor),
        location: String(d.location),
      };
    case "visit":
      return {
        ...common,
        kind: "visit",
        reason: String(d.reason),
        doctor: String(d.doctor),
        location: String(d.location),
        notes: { drafts: Number(d.drafts), signed: Number(d.signed), enteredInError: Number(d.errors) },
        firstLine: firstLineOf(d.firstLine),
      };
    case "vitals":
      return {
        ...common,
        kind: "vitals",
        recordedBy: text(d.recordedBy),
        measures: {
          heightValue: number(d.heightValue),
          heightUnit: text(d.heightUnit),
          weightValue: number(d.weightValue),
          weightUnit: text(d.weightUnit),
          bmi: number(d.bmi),
          temperatureValue: number(d.temperatureValue),
          temperatureUnit: text(d.temperatureUnit),
          heartRate: number(d.heartRate),
          respiratoryRate: number(d.respiratoryRate),
          systolic: number(d.systolic),
          diastolic: number(d.diastolic),
          spo2: number(d.spo2),
          painScore: number(d.painScore),
        },
      };
    case "diagnosis":
      return {
        ...common,
        kind: "diagnosis",
        code: String(d.code),
        title: String(d.title),
        status: String(d.status),
        onProblemList: d.onProblemList === true,
        inCodeList: d.inCodeList !== false,
      };
    case "immunization":
      return {
        ...common,
        kind: "immunization",
        vaccine: String(d.vaccine),
        doseNumber: number(d.doseNumber),
      };
    case "document":
      return { ...common, kind: "document", title: String(d.title), category: String(d.category) };
    case "prescription":
      return {
        ...common,
        kind: "prescription",
        number: String(d.number),
        prescriber: String(d.prescriber),
        status: String(d.status),
        medicines: Array.isArray(d.medicines) ? d.medicines.map(String) : [],
      };
  }
}

const cursorSchema = z.object({
  at: z.iso.datetime().transform((value) => new Date(value)),
  kind: z.enum(TIMELINE_KINDS),
  id: z.uuid(),
});

/** The cursor as it travels in a URL: `<ISO time>_<kind>_<id>`. */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return `${cursor.at.toISOString()}_${cursor.kind}_${cursor.id}`;
}

/** A cursor from a URL; anything malformed means "from the newest". */
export function decodeTimelineCursor(value: unknown): TimelineCursor | null {
  if (typeof value !== "string") return null;
  const [at, kind, id, ...rest] = value.split("_");
  if (rest.length > 0) return null;
  const parsed = cursorSchema.safeParse({ at, kind, id });
  return parsed.success ? parsed.data : null;
}

/** The kinds asked for in a URL (`?kind=visit,vitals`); unknown ones are ignored. */
export function parseTimelineKinds(value: unknown): TimelineKind[] {
  if (typeof value !== "string") return [];
  const asked = new Set(value.split(","));
  return TIMELINE_KINDS.filter((kind) => asked.has(kind));
}
