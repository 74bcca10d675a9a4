import { taxText } from "@/components/billing/price-list/tax-text";
import { formatMoney } from "@/lib/billing/money-input";
import type { PriceList } from "@/lib/billing/price-list/find-price-list";
import type { PriceListChoice } from "./add-item-line-form";

/** The active items a draft can take, appointment types' items first, each with its price and tax. */
export function priceListChoices(priceList: PriceList): PriceListChoice[] {
  const items = [
    ...priceList.types.filter((type) => type.active).map((type) => ({ ...type.item, name: type.name })),
    ...priceList.items,
  ];
  return items
    .filter((item) => item.active)
    .map((item) => ({
      itemId: item.id,
      label: `${item.code} · ${item.name} · ${formatMoney(item.priceMinor, priceList.currency)} · ${taxText(item)}`,
    }));
}
