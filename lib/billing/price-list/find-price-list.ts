import type { TenantDb } from "@/lib/tenancy/tenant-db";

const itemColumns = {
  id: true,
  code: true,
  name: true,
  priceMinor: true,
  taxTreatment: true,
  taxRateBp: true,
  exemptReason: true,
  active: true,
} as const;

/** The price list page: the currency, appointment types with their prices, and the other items. */
export async function findPriceList(options: { db: TenantDb }) {
  const { db } = options;
  const [settings, types, items] = await Promise.all([
    db.clinicSetting.findUnique({ where: { id: 1 }, select: { currency: true, pricesIncludeTax: true } }),
    db.appointmentType.findMany({
      select: {
        id: true,
        name: true,
        durationMinutes: true,
        colour: true,
        isDefault: true,
        active: true,
        item: { select: itemColumns },
      },
      orderBy: [{ active: "desc" }, { isDefault: "desc" }, { name: "asc" }],
    }),
    db.billableItem.findMany({
      where: { appointmentTypes: { none: {} } },
      select: itemColumns,
      orderBy: [{ active: "desc" }, { code: "asc" }],
    }),
  ]);
  return {
    currency: settings?.currency ?? "USD",
    pricesIncludeTax: settings?.pricesIncludeTax ?? false,
    types,
    items,
  };
}

export type PriceList = Awaited<ReturnType<typeof findPriceList>>;
export type PriceListType = PriceList["types"][number];
export type PriceListItem = PriceList["items"][number];

/** The types a booking can choose, the default first: what the booking dialog offers. */
export function findBookableTypes(options: { db: TenantDb }) {
  return options.db.appointmentType.findMany({
    where: { active: true },
    select: { id: true, name: true, durationMinutes: true, colour: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}

export type BookableType = Awaited<ReturnType<typeof findBookableTypes>>[number];

/** The items a no-show can be charged with (active items that are not an appointment type's). */
export function findChargeableItems(options: { db: TenantDb }) {
  return options.db.billableItem.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}
