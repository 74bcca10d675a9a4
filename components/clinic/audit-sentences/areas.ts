import type { AuditContext } from "../audit-details";
import { BILLING_REPORTS_SENTENCES } from "./billing-reports";
import { INVOICES_SENTENCES } from "./invoices";
import { LETTERS_SENTENCES } from "./letters";
import { LISTS_SENTENCES } from "./lists";
import { MEDICATIONS_SENTENCES } from "./medications";
import { NOTES_SENTENCES } from "./notes";
import { PAYMENTS_SENTENCES } from "./payments";
import { PRESCRIPTIONS_SENTENCES } from "./prescriptions";
import { PRICE_LIST_SENTENCES } from "./pricelist";
import { PRINTING_SENTENCES } from "./printing";
import { RECORDS_SENTENCES } from "./records";
import { VITALS_SENTENCES } from "./vitals";

/** Every area's audit sentences (one file per area, so areas built side by side never collide). */
export const AREA_SENTENCES: Record<string, (c: AuditContext) => string> = {
  ...NOTES_SENTENCES,
  ...VITALS_SENTENCES,
  ...LISTS_SENTENCES,
  ...RECORDS_SENTENCES,
  ...PRESCRIPTIONS_SENTENCES,
  ...MEDICATIONS_SENTENCES,
  ...LETTERS_SENTENCES,
  ...PRINTING_SENTENCES,
  ...PRICE_LIST_SENTENCES,
  ...INVOICES_SENTENCES,
  ...PAYMENTS_SENTENCES,
  ...BILLING_REPORTS_SENTENCES,
};
