import type { AuditContext } from "../audit-details";

const URGENCY: Record<string, string> = { ROUTINE: "a routine", SOON: "a soon", URGENT: "an urgent" };

/** How the audit log words this area's events (merged into the log's sentences). */
export const LETTERS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "sick-note.written": (c) => {
    const days = c.count("days");
    return `${c.who} wrote a sick note for ${c.patient}${days ? ` (${days === 1 ? "1 day" : `${days} days`} from ${c.day(c.text("unfitFrom"))})` : ""}`;
  },
  "referral-letter.written": (c) =>
    `${c.who} wrote ${URGENCY[c.text("urgency") ?? ""] ?? "a"} referral letter for ${c.patient}`,
};
