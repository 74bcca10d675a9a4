import type { AuditContext } from "../audit-details";

const METHODS: Record<string, string> = {
  CASH: "cash",
  CARD: "card",
  BANK_TRANSFER: "bank transfer",
  OTHER: "another method",
};

const methodOf = (c: AuditContext) => METHODS[c.text("method") ?? ""] ?? "another method";

/** How the audit log words this area's events (merged into the log's sentences). */
export const PAYMENTS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "payment.taken": (c) =>
    `${c.who} took ${c.patient}'s payment ${c.text("receiptNumber") ?? ""} by ${methodOf(c)}`,
  "credit.applied": (c) => `${c.who} applied ${c.patient}'s credit to invoice ${c.text("number") ?? ""}`,
  "payment.refunded": (c) =>
    `${c.who} refunded part of ${c.patient}'s payment ${c.text("receiptNumber") ?? ""} by ${methodOf(c)}`,
  "receipt.printed": (c) => `${c.who} printed ${c.patient}'s receipt ${c.text("receiptNumber") ?? ""}`,
};
