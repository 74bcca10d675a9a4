import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";
import { rowsOf } from "../sample-rows";
import { clinicalRowsOf } from "./notes";

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function billingReportsForeignIds(_db: TenantDb): Promise<[string, string][]> {
  // patientId, locationId and visitId come from the shared rows and the clinical area.
  return [];
}

const rows = (db: TenantDb) => rowsOf(db);

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const BILLING_REPORTS_SAMPLES: [string, Sample][] = [
  [
    "billing-reports/close-day",
    // A fresh location each time, so the day is never already closed.
    async (world) => ({
      locationId: (await rows(world.clinic.db).location()).id,
      businessDate: "2026-01-15",
      countedCash: "120.50",
    }),
  ],
  [
    "billing-reports/export-day",
    async (world) => ({
      locationId: (await rows(world.clinic.db).location()).id,
      businessDate: "2026-01-15",
    }),
  ],
  [
    "printing/print-statement",
    async (world) => ({
      patientId: (await rows(world.clinic.db).patient()).id,
      from: "2026-01-01",
      to: "2026-01-31",
    }),
  ],
  [
    "printing/print-superbill",
    async (world) => ({ visitId: (await clinicalRowsOf(world.clinic.db).visit()).id }),
  ],
];
