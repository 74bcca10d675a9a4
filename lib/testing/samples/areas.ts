import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";
import { BACKUP_SCHEDULE_SAMPLES } from "./backup-schedule";
import { BACKUPS_SAMPLES } from "./backups";
import { BILLING_REPORTS_SAMPLES, billingReportsForeignIds } from "./billing-reports";
import { INVOICES_SAMPLES, invoicesForeignIds } from "./invoices";
import { LETTERS_SAMPLES, lettersForeignIds } from "./letters";
import { LISTS_SAMPLES, listsForeignIds } from "./lists";
import { MAINTENANCE_SAMPLES } from "./maintenance";
import { MEDICATIONS_SAMPLES, medicationsForeignIds } from "./medications";
import { MOVES_SAMPLES } from "./moves";
import { clinicalForeignIds, NOTES_SAMPLES } from "./notes";
import { PAYMENTS_SAMPLES, paymentsForeignIds } from "./payments";
import { PITR_SAMPLES } from "./pitr";
import { PRESCRIPTIONS_SAMPLES, prescriptionsForeignIds } from "./prescriptions";
import { PRICE_LIST_SAMPLES, priceListForeignIds } from "./pricelist";
import { PRINTING_SAMPLES, printingForeignIds } from "./printing";
import { RECORDS_SAMPLES, recordsForeignIds } from "./records";
import { VITALS_SAMPLES, vitalsForeignIds } from "./vitals";

/** Every area's action samples (one file per area, so areas built side by side never collide). */
export const AREA_SAMPLES: [string, Sample][] = [
  ...BACKUP_SCHEDULE_SAMPLES,
  ...NOTES_SAMPLES,
  ...VITALS_SAMPLES,
  ...LISTS_SAMPLES,
  ...RECORDS_SAMPLES,
  ...PRESCRIPTIONS_SAMPLES,
  ...MEDICATIONS_SAMPLES,
  ...LETTERS_SAMPLES,
  ...PRINTING_SAMPLES,
  ...PRICE_LIST_SAMPLES,
  ...INVOICES_SAMPLES,
  ...PAYMENTS_SAMPLES,
  ...BILLING_REPORTS_SAMPLES,
  ...BACKUPS_SAMPLES,
  ...MAINTENANCE_SAMPLES,
  ...MOVES_SAMPLES,
  ...PITR_SAMPLES,
];

/** Each area's ids of another clinic's rows, by the field names its inputs use (every-action.test.ts). */
export const AREA_FOREIGN_IDS: ((db: TenantDb) => Promise<[string, string][]>)[] = [
  clinicalForeignIds,
  vitalsForeignIds,
  listsForeignIds,
  recordsForeignIds,
  prescriptionsForeignIds,
  medicationsForeignIds,
  lettersForeignIds,
  printingForeignIds,
  priceListForeignIds,
  invoicesForeignIds,
  paymentsForeignIds,
  billingReportsForeignIds,
];
