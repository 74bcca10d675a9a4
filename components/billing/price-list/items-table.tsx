"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { setBillableItemActiveAction } from "@/lib/actions/price-list/set-billable-item-active";
import { formatMoney } from "@/lib/billing/money-input";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { RowActionButton } from "./row-actions";
import { taxText } from "./tax-text";

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
  if (items.length === 0) {
    return (
      <EmptyState>
        No other items yet.{" "}
        {canEdit
          ? "Add what the clinic charges besides appointments, e.g. a dressing or a certificate."
          : "An owner or manager adds them."}
      </EmptyState>
    );
  }
  return (
    <Table caption="Other items">
      <TableHead>
        <HeaderCell>Code</HeaderCell>
        <HeaderCell>Name</HeaderCell>
        <HeaderCell className="text-right">Price</HeaderCell>
        <HeaderCell>Tax</HeaderCell>
        {canEdit ? (
          <HeaderCell>
            <span className="sr-only">Actions</span>
          </HeaderCell>
        ) : null}
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <tr key={item.id} className={item.active ? undefined : "bg-slate-50 text-slate-600"}>
            <Cell className="py-3 font-mono text-xs whitespace-nowrap">{item.code}</Cell>
            <Cell className="py-3">
              <span className="font-medium">{item.name}</span> {item.active ? null : <Badge>Inactive</Badge>}
            </Cell>
            <Cell className="py-3 text-right whitespace-nowrap tabular-nums">
              {formatMoney(item.priceMinor, currency)}
            </Cell>
            <Cell className="py-3">{taxText(item)}</Cell>
            {canEdit ? (
              <Cell className="py-3">
                <div className="flex flex-wrap justify-end gap-2">
                  <Button variant="secondary" size="sm" onClick={() => onEdit(item)}>
                    Edit<span className="sr-only"> {item.name}</span>
                  </Button>
                  <RowActionButton
                    action={setBillableItemActiveAction as ServerAction<unknown>}
                    input={{ itemId: item.id, active: !item.active }}
                    label={item.active ? "Deactivate" : "Reactivate"}
                    srName={item.name}
                    done={
                      item.active
                        ? `${item.name} is off the price list.`
                        : `${item.name} is back on the price list.`
                    }
                  />
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
