import type { AuditContext } from "../audit-details";

const possessive = (name: string) => `${name}'s`;

const DOCUMENT_NAMES: Record<string, string> = {
  ID: "an ID card",
  INSURANCE_CARD: "an insurance card",
  REFERRAL_LETTER: "a referral letter",
  CONSENT: "a consent form",
  RESULTS: "a results document",
  LETTER: "a clinical letter",
  IMAGE: "a clinical image",
};

const documentOf = (c: AuditContext) => DOCUMENT_NAMES[c.text("category") ?? ""] ?? "a document";

/** How the audit log words this area's events (merged into the log's sentences). */
export const RECORDS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "immunization.recorded": (c) => `${c.who} recorded an immunization for ${c.patient}`,
  "immunization.entered-in-error": (c) =>
    `${c.who} marked an immunization of ${possessive(c.patient)} as entered in error`,
  "document.uploaded": (c) => `${c.who} uploaded ${documentOf(c)} for ${c.patient}`,
  "document.entered-in-error": (c) =>
    `${c.who} marked ${documentOf(c)} of ${possessive(c.patient)} as entered in error`,
};
