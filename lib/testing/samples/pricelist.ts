import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { next } from "../sample-rows";

/** Price-list items and appointment types made directly in a clinic's database, for samples and tests. */
export function priceListRowsOf(db: TenantDb) {
  const item = (data: { priceMinor?: number; active?: boolean } = {}) =>
    db.billableItem.create({
      data: {
        code: `ITEM-${next()}`,
        name: `Item ${next()}`,
        priceMinor: data.priceMinor ?? 1500,
        taxTreatment: "ZERO_RATED",
        active: data.active ?? true,
      },
    });
  const type = async (data: { durationMinutes?: number; active?: boolean; priceMinor?: number } = {}) =>
    db.appointmentType.create({
      data: {
        name: `Type ${next()}`,
        durationMinutes: data.durationMinutes ?? 30,
        colour: "#2563eb",
        itemId: (await item({ priceMinor: data.priceMinor })).id,
        active: data.active ?? true,
      },
    });
  return { item, type };
}

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function priceListForeignIds(db: TenantDb): Promise<[string, string][]> {
  const rows = priceListRowsOf(db);
  return [
    ["itemId", (await rows.item()).id],
    ["typeId", (await rows.type()).id],
  ];
}

const rows = (world: SampleWorld) => priceListRowsOf(world.clinic.db);
const itemFields = () => ({
  code: `DRESS-${next()}`,
  name: "Wound dressing",
  price: "12.50",
  taxTreatment: "RATED",
  taxRate: "20",
});
const typeFields = () => ({
  ...itemFields(),
  code: `LONG-${next()}`,
  name: `Long consultation ${next()}`,
  taxTreatment: "EXEMPT",
  exemptReason: "Medical care: exempt from tax",
  durationMinutes: 40,
  colour: "#7c3aed",
});

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const PRICE_LIST_SAMPLES: [string, Sample][] = [
  ["price-list/create-billable-item", async () => itemFields()],
  [
    "price-list/update-billable-item",
    async (world) => ({ itemId: (await rows(world).item()).id, ...itemFields() }),
  ],
  [
    "price-list/set-billable-item-active",
    async (world) => ({ itemId: (await rows(world).item()).id, active: false }),
  ],
  ["price-list/create-appointment-type", async () => typeFields()],
  [
    "price-list/update-appointment-type",
    async (world) => ({ typeId: (await rows(world).type()).id, ...typeFields() }),
  ],
  [
    "price-list/set-appointment-type-active",
    async (world) => ({ typeId: (await rows(world).type()).id, active: false }),
  ],
  ["price-list/set-default-appointment-type", async (world) => ({ typeId: (await rows(world).type()).id })],
];
