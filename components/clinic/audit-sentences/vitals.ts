import type { AuditContext } from "../audit-details";

const possessive = (name: string) => `${name}'s`;

/** How the audit log words this area's events (merged into the log's sentences). */
export const VITALS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "vitals.recorded": (c) =>
    `${c.who} recorded ${possessive(c.patient)} vitals${c.text("visitId") ? " during a visit" : ""}`,
  "vitals.entered-in-error": (c) =>
    `${c.who} marked a set of ${possessive(c.patient)} vitals as entered in error`,
};
