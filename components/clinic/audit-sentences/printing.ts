import type { AuditContext } from "../audit-details";

const DOCUMENTS: Record<string, string> = {
  PRESCRIPTION: "prescription",
  VISIT_SUMMARY: "visit summary",
  SICK_NOTE: "sick note",
  REFERRAL_LETTER: "referral letter",
  INVOICE: "invoice",
  RECEIPT: "receipt",
  STATEMENT: "statement",
  SUPERBILL: "superbill",
};

/** "statement for 01/01/2026 to 31/01/2026": a statement's period, when the event has one. */
function periodOf(c: AuditContext): string {
  const from = c.text("from");
  const to = c.text("to");
  return from && to ? ` for ${c.day(from)} to ${c.day(to)}` : "";
}

/** How the audit log words this area's events (merged into the log's sentences). */
export const PRINTING_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "document.printed": (c) => {
    // `document` names what the kind does not (a credit note is printed as an invoice).
    const what = c.text("document") ?? DOCUMENTS[c.text("kind") ?? ""] ?? "document";
    const number = c.text("number") ? ` ${c.text("number")}` : "";
    const printed = `${what}${number}${periodOf(c)}`;
    return c.details.copy === true
      ? `${c.who} printed a copy of ${c.patient}'s ${printed}`
      : `${c.who} printed ${c.patient}'s ${printed}`;
  },
};
