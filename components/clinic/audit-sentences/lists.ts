import type { AuditContext } from "../audit-details";

const CATEGORY: Record<string, string> = { DRUG: "a drug", FOOD: "a food", ENVIRONMENT: "an environmental" };
const lower = (value: string | undefined, fallback: string) =>
  value ? value.toLowerCase().replaceAll("_", " ") : fallback;

/** How the audit log words this area's events (merged into the log's sentences). */
export const LISTS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "allergy.recorded": (c) =>
    `${c.who} recorded ${CATEGORY[c.text("category") ?? ""] ?? "an"} allergy for ${c.patient} (${lower(c.text("status"), "active")})`,
  "allergy.updated": (c) =>
    `${c.who} changed an allergy of ${c.patient} to ${lower(c.text("status"), "another status")}, ${lower(c.text("verification"), "unchanged verification")}`,
  "allergy.none-known": (c) => `${c.who} recorded that ${c.patient} has no known allergies`,
  "diagnosis.added": (c) =>
    `${c.who} recorded the diagnosis ${c.text("code") ?? "(no code)"} for ${c.patient}${c.text("visitId") ? " on a visit" : ""}${c.details.problemList ? `${c.text("visitId") ? " and" : ""} on the problem list` : ""}`,
  "diagnosis.resolved": (c) => `${c.who} marked ${c.text("code") ?? "a diagnosis"} of ${c.patient} resolved`,
  "diagnosis.entered-in-error": (c) =>
    `${c.who} marked ${c.text("code") ?? "a diagnosis"} of ${c.patient} entered in error`,
};
