import type { AuditContext } from "../audit-details";

const KIND: Record<string, string> = {
  SOAP: "SOAP note",
  TRIAGE: "triage note",
  INJECTION: "injection note",
  DRESSING: "dressing note",
};

const noteOf = (c: AuditContext) => `${c.patient}'s ${KIND[c.text("kind") ?? ""] ?? "note"}`;
const templateOf = (c: AuditContext) =>
  `${c.text("scope") === "clinic" ? "a clinic" : "their own"} ${c.text("kind") === "QUICK_TEXT" ? "quick text" : "template"}`;

/** How the audit log words this area's events (merged into the log's sentences). */
export const NOTES_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "visit.started": (c) =>
    c.details.walkIn === true
      ? `${c.who} started a walk-in visit for ${c.patient}`
      : `${c.who} started a visit for ${c.patient}`,
  "note.started": (c) => `${c.who} started ${noteOf(c)}`,
  "note.draft-saved": (c) => `${c.who} saved a draft of ${noteOf(c)} (revision ${c.count("revision")})`,
  "note.signed": (c) => `${c.who} signed ${noteOf(c)}`,
  "note.addendum-added": (c) => `${c.who} added an addendum to ${noteOf(c)}`,
  "note.entered-in-error": (c) => `${c.who} marked ${noteOf(c)} entered in error`,
  "template.added": (c) => `${c.who} added ${templateOf(c)}`,
  "template.changed": (c) => `${c.who} changed ${templateOf(c)}`,
  "template.deleted": (c) => `${c.who} deleted ${templateOf(c)}`,
};
