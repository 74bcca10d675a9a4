import type { AuditContext } from "../audit-details";

const rx = (c: AuditContext) => (c.text("number") ? ` on ${c.text("number")}` : "");

/** How the audit log words this area's events (merged into the log's sentences). */
export const MEDICATIONS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "medication.stopped": (c) => `${c.who} stopped a medication of ${c.patient}${rx(c)}`,
  "medication.completed": (c) => `${c.who} marked a medication of ${c.patient}${rx(c)} completed`,
  "medication.reported": (c) => `${c.who} recorded a medication that ${c.patient} reports taking`,
  "reported-medication.stopped": (c) =>
    `${c.who} recorded that ${c.patient} no longer takes a reported medication`,
  "reported-medication.entered-in-error": (c) =>
    `${c.who} marked a reported medication of ${c.patient} entered in error`,
};
