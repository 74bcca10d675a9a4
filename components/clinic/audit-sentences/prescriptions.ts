import type { AuditContext } from "../audit-details";

const numbered = (c: AuditContext) => c.text("number") ?? "a prescription";
const overrides = (c: AuditContext) => {
  const count = c.count("overrides");
  return count === 0 ? "" : `, going ahead despite warnings on ${count === 1 ? "1 line" : `${count} lines`}`;
};

/** How the audit log words this area's events (merged into the log's sentences). */
export const PRESCRIPTIONS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "prescription.drafted": (c) => `${c.who} started a prescription for ${c.patient}`,
  "prescription.draft-saved": (c) => `${c.who} saved a draft prescription for ${c.patient}`,
  "prescription.discarded": (c) => `${c.who} discarded a draft prescription for ${c.patient}`,
  "prescription.signed": (c) => `${c.who} signed prescription ${numbered(c)} for ${c.patient}${overrides(c)}`,
  "prescription.cancelled": (c) => `${c.who} cancelled prescription ${numbered(c)} for ${c.patient}`,
  "prescription.entered-in-error": (c) =>
    `${c.who} marked prescription ${numbered(c)} for ${c.patient} entered in error`,
  "favourite.saved": (c) => `${c.who} saved a medication favourite`,
  "favourite.deleted": (c) => `${c.who} deleted a medication favourite`,
};
