import type { AuditContext } from "../audit-details";

const DOCUMENTS: Record<string, string> = {
  PRESCRIPTION: "prescription",
  VISIT_SUMMARY: "visit summary",
  SICK_NOTE: "sick note",
  REFERRAL_LETTER: "referral letter",
};

/** How the audit log words this area's events (merged into the log's sentences). */
export const PRINTING_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "document.printed": (c) => {
    const what = DOCUMENTS[c.text("kind") ?? ""] ?? "document";
    const number = c.text("number") ? ` ${c.text("number")}` : "";
    return c.details.copy === true
      ? `${c.who} printed a copy of ${c.patient}'s ${what}${number}`
      : `${c.who} printed ${c.patient}'s ${what}${number}`;
  },
};
