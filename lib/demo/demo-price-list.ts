import type { TenantDb } from "../tenancy/registry";

/** The price list behind the demo's appointment reasons (minor units; medical care is exempt). */
const PRICES: {
  reason: string;
  code: string;
  name: string;
  priceMinor: number;
  minutes: number;
  colour: string;
}[] = [
  {
    reason: "Consultation",
    code: "CONSULT",
    name: "Consultation",
    priceMinor: 6500,
    minutes: 20,
    colour: "#0f766e",
  },
  { reason: "Check-up", code: "CHECKUP", name: "Check-up", priceMinor: 5500, minutes: 20, colour: "#1d4ed8" },
  {
    reason: "Follow-up",
    code: "FOLLOWUP",
    name: "Follow-up",
    priceMinor: 4000,
    minutes: 15,
    colour: "#7c3aed",
  },
  {
    reason: "Vaccination",
    code: "VACC",
    name: "Vaccination",
    priceMinor: 3000,
    minutes: 10,
    colour: "#b45309",
  },
  {
    reason: "Test results",
    code: "RESULTS",
    name: "Test results review",
    priceMinor: 3500,
    minutes: 15,
    colour: "#be123c",
  },
];
/** The price list's items and an appointment type for each, the existing default priced as a consultation. */
export async function demoPriceList(db: TenantDb) {
  const byReason = new Map<string, { typeId: string; itemId: string; name: string; priceMinor: number }>();
  const defaultType = await db.appointmentType.findFirst({ where: { isDefault: true } });
  for (const price of PRICES) {
    const item = await db.billableItem.upsert({
      where: { code: price.code },
      create: {
        code: price.code,
        name: price.name,
        priceMinor: price.priceMinor,
        exemptReason: "Medical care",
      },
      update: {},
    });
    const type =
      price.reason === "Consultation" && defaultType
        ? await db.appointmentType.update({ where: { id: defaultType.id }, data: { itemId: item.id } })
        : await db.appointmentType.upsert({
            where: { name: price.name },
            create: {
              name: price.name,
              durationMinutes: price.minutes,
              colour: price.colour,
              itemId: item.id,
            },
            update: {},
          });
    byReason.set(price.reason, {
      typeId: type.id,
      itemId: item.id,
      name: price.name,
      priceMinor: price.priceMinor,
    });
  }
  return byReason;
}
