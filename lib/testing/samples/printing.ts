import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";
import { invoiceRowsOf } from "../invoice-rows";
import { printableRowsOf } from "../printable-rows";
import { clinicalRowsOf } from "./notes";

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function printingForeignIds(db: TenantDb): Promise<[string, string][]> {
  const rows = printableRowsOf(db);
  return [
    ["prescriptionId", (await rows.prescription()).id],
    ["visitId", (await clinicalRowsOf(db).visit()).id],
    ["sickNoteId", (await rows.sickNote()).id],
    ["referralLetterId", (await rows.referralLetter()).id],
  ];
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const PRINTING_SAMPLES: [string, Sample][] = [
  [
    "printing/print-prescription",
    async (world) => ({ prescriptionId: (await printableRowsOf(world.clinic.db).prescription()).id }),
  ],
  [
    "printing/print-visit-summary",
    async (world) => ({ visitId: (await clinicalRowsOf(world.clinic.db).visit()).id }),
  ],
  [
    "printing/print-sick-note",
    async (world) => ({ sickNoteId: (await printableRowsOf(world.clinic.db).sickNote()).id }),
  ],
  [
    "printing/print-referral-letter",
    async (world) => ({ referralLetterId: (await printableRowsOf(world.clinic.db).referralLetter()).id }),
  ],
  [
    "printing/print-invoice",
    async (world) => ({
      invoiceId: (await invoiceRowsOf(world.clinic.db).issued(world.clinic.members.BILLING.id)).id,
    }),
  ],
];
