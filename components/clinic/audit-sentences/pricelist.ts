import { formatMoney } from "@/lib/billing/money-input";
import type { AuditContext } from "../audit-details";

const itemOf = (c: AuditContext) =>
  `${c.text("name") ?? "an item"}${c.text("code") ? ` (${c.text("code")})` : ""}`;
const money = (c: AuditContext, key: string) => formatMoney(c.count(key), c.text("currency") ?? "USD");
const FIELD_WORDS: Record<string, string> = {
  code: "code",
  name: "name",
  taxTreatment: "tax",
  taxRateBp: "tax rate",
  exemptReason: "exemption reason",
  durationMinutes: "length",
  colour: "colour",
  default: "made the default",
};
/** "price €15.00 → €17.25, tax rate": the price with its amounts, the other fields in words. */
const changes = (c: AuditContext) => {
  const fields = (c.text("changed") ?? "").split(", ").filter((field) => field && field !== "priceMinor");
  const price =
    typeof c.details.toPriceMinor === "number"
      ? [`price ${money(c, "fromPriceMinor")} → ${money(c, "toPriceMinor")}`]
      : [];
  return [...price, ...fields.map((field) => FIELD_WORDS[field] ?? field)].join(", ");
};

/** How the audit log words this area's events (merged into the log's sentences). */
export const PRICE_LIST_SENTENCES: Record<string, (c: AuditContext) => string> = {
  "price-item.added": (c) => `${c.who} added ${itemOf(c)} to the price list at ${money(c, "priceMinor")}`,
  "price-item.changed": (c) => `${c.who} changed ${itemOf(c)} on the price list: ${changes(c)}`,
  "price-item.deactivated": (c) => `${c.who} deactivated price-list item ${c.text("code") ?? ""}`,
  "price-item.reactivated": (c) => `${c.who} reactivated price-list item ${c.text("code") ?? ""}`,
  "appointment-type.added": (c) =>
    `${c.who} added appointment type ${c.text("name") ?? ""} (${c.count("durationMinutes")} min, ${money(c, "priceMinor")})`,
  "appointment-type.changed": (c) =>
    `${c.who} changed appointment type ${c.text("name") ?? ""}: ${changes(c)}`,
  "appointment-type.default-set": (c) =>
    `${c.who} made ${c.text("name") ?? "a type"} the default appointment type`,
  "appointment-type.deactivated": (c) => `${c.who} deactivated appointment type ${c.text("name") ?? ""}`,
  "appointment-type.reactivated": (c) => `${c.who} reactivated appointment type ${c.text("name") ?? ""}`,
};
