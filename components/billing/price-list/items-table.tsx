"use client";

import { Badge } from "@/components/ui/badge";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { setBillableItemActiveAction } from "@/lib/actions/price-list/set-billable-item-active";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { type PriceListColumn, PriceListTable } from "./price-list-table";
import { RowActionButton } from "./row-actions";

const COLUMNS: PriceListColumn<PriceListItem>[] = [
  { header: "Code", className: "font-mono text-xs whitespace-nowrap", cell: (item) => item.code },
  {
    header: "Name",
    cell: (item) => (
      <>
        <span className="font-medium">{item.name}</span> {item.active ? null : <Badge>Inactive</Badge>}
      </>
    ),
  },
];

/** Other billable items: procedures, dressings, certificates, a no-show fee. */
export function ItemsTable({
  items,
  currency,
  canEdit,
  onEdit,
}: {
  items: PriceListItem[];
  currency: string;
  canEdit: boolean;
  onEdit: (item: PriceListItem) => void;
}) {
  return (
    <PriceListTable
      caption="Other items"
      rows={items}
      columns={COLUMNS}
      itemOf={(item) => item}
      currency={currency}
      canEdit={canEdit}
      onEdit={onEdit}
      empty={{
        none: "No other items yet.",
        add: "Add what the clinic charges besides appointments, e.g. a dressing or a certificate.",
      }}
      actions={(item) => (
        <RowActionButton
          action={setBillableItemActiveAction as ServerAction<unknown>}
          input={{ itemId: item.id, active: !item.active }}
          label={item.active ? "Deactivate" : "Reactivate"}
          srName={item.name}
          done={
            item.active ? `${item.name} is off the price list.` : `${item.name} is back on the price list.`
          }
        />
      )}
    />
  );
}
