import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";
import { next, rowsOf } from "../sample-rows";

/** Draft and issued invoices made directly in a clinic's database, for samples and tests. */
export function invoiceRowsOf(db: TenantDb) {
  const rows = rowsOf(db);
  const draft = async (options: { appointmentId?: string } = {}) =>
    db.invoice.create({
      data: {
        patientId: (await rows.patient()).id,
        locationId: (await rows.location()).id,
        appointmentId: options.appointmentId,
        currency: "USD",
        pricesIncludeTax: false,
        subtotalMinor: 5000,
        totalMinor: 5000,
        lines: {
          create: {
            position: 1,
            description: "Consultation",
            quantity: 1,
            unitPriceMinor: 5000,
            taxTreatment: "EXEMPT",
            exemptReason: "Medical care",
            netMinor: 5000,
            taxMinor: 0,
            totalMinor: 5000,
          },
        },
      },
      include: { lines: true },
    });
  /** Issued without the counter (a number of its own), as the database would hold it. */
  const issued = async () => {
    const invoice = await draft();
    await db.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "ISSUED",
        number: `INV-1999-${String(next()).padStart(6, "0")}`,
        issuedAt: new Date(),
        snapshot: {},
      },
    });
    return invoice;
  };
  return { draft, issued };
}

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function invoicesForeignIds(db: TenantDb): Promise<[string, string][]> {
  const draft = await invoiceRowsOf(db).draft();
  return [
    ["invoiceId", draft.id],
    ["lineId", draft.lines[0]?.id ?? ""],
  ];
}

const invoices = (world: Parameters<Sample>[0]) => invoiceRowsOf(world.clinic.db);

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const INVOICES_SAMPLES: [string, Sample][] = [
  [
    "invoices/add-invoice-line",
    async (world) => ({
      invoiceId: (await invoices(world).draft()).id,
      line: {
        description: "Dressing pack",
        quantity: 2,
        unitPriceMinor: 450,
        discountMinor: 100,
        taxTreatment: "RATED",
        taxRateBp: 2000,
      },
    }),
  ],
  [
    "invoices/update-invoice-line",
    async (world) => ({
      lineId: (await invoices(world).draft()).lines[0]?.id,
      description: "Long consultation",
      quantity: 1,
      unitPriceMinor: 7000,
      discountMinor: 500,
    }),
  ],
  [
    "invoices/remove-invoice-line",
    async (world) => ({ lineId: (await invoices(world).draft()).lines[0]?.id }),
  ],
  [
    "invoices/set-invoice-bill-to",
    async (world) => ({
      invoiceId: (await invoices(world).draft()).id,
      billTo: "THIRD_PARTY",
      name: "Acme Insurance",
      address: "1 Policy Street",
      reference: "CLAIM-42",
    }),
  ],
  ["invoices/issue-invoice", async (world) => ({ invoiceId: (await invoices(world).draft()).id })],
  [
    "invoices/void-invoice",
    async (world) => ({
      invoiceId: (await invoices(world).issued()).id,
      reason: "Billed to the wrong patient",
    }),
  ],
];
