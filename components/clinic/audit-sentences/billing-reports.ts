import { formatMoney } from "@/lib/billing/money-input";
import type { AuditContext } from "../audit-details";

const amountOf = (c: AuditContext, key: string) => {
  const currency = c.text("currency");
  return currency ? formatMoney(c.count(key), currency) : String(c.count(key));
};

function differenceOf(c: AuditContext): string {
  const difference = c.count("differenceMinor");
  if (difference === 0) return "the cash matched";
  return `${amountOf(c, "differenceMinor").replace("-", "")} ${difference < 0 ? "short" : "over"}`;
}

/** How the audit log words this area's events (merged into the log's sentences). */
export const BILLING_REPORTS_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "day.closed": (c) =>
    `${c.who} closed the day for ${c.day(c.text("businessDate"))}: ${amountOf(c, "countedCashMinor")} counted against ${amountOf(c, "expectedCashMinor")} expected, ${differenceOf(c)}`,
  "day.exported": (c) => `${c.who} downloaded the day's figures for ${c.day(c.text("businessDate"))}`,
  "statement.printed": (c) =>
    `${c.who} printed ${c.patient}'s statement for ${c.day(c.text("from"))} to ${c.day(c.text("to"))}`,
  "superbill.printed": (c) => `${c.who} printed a superbill for ${c.patient}'s visit`,
};
