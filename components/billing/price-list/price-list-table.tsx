"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatMoney } from "@/lib/billing/money-input";
import type { PriceListItem } from "@/lib/billing/price-list/find-price-list";
import { taxText } from "./tax-text";

/** A column of a price-list table before its price and tax, which every row has. */
export type PriceListColumn<Row> = { header: string; className?: string; cell: (row: Row) => ReactNode };

type PriceListRow = { id: string; name: string; active: boolean };

/**
 * One table of the price list (appointment types or other items): the row's own columns, then
 * the price and tax of the item behind it, then Edit and the row's own buttons for an editor.
 */
export function PriceListTable<Row extends PriceListRow>({
  caption,
  rows,
  columns,
  itemOf,
  currency,
  canEdit,
  onEdit,
  actions,
  empty,
}: {
  caption: string;
  rows: Row[];
  columns: PriceListColumn<Row>[];
  /** The billable item that carries the row's price (an item is its own). */
  itemOf: (row: Row) => PriceListItem;
  currency: string;
  canEdit: boolean;
  onEdit: (row: Row) => void;
  /** The row's buttons after Edit (activate, make default…). */
  actions: (row: Row) => ReactNode;
  /** The empty state: that there are none, and what an editor adds. */
  empty: { none: string; add: string };
}) {
  if (rows.length === 0) {
    return (
      <EmptyState>
        {empty.none} {canEdit ? empty.add : "An owner or manager adds them."}
      </EmptyState>
    );
  }
  return (
    <Table caption={caption}>
      <TableHead>
        {columns.map((column) => (
          <HeaderCell key={column.header}>{column.header}</HeaderCell>
        ))}
        <HeaderCell className="text-right">Price</HeaderCell>
        <HeaderCell>Tax</HeaderCell>
        {canEdit ? (
          <HeaderCell>
            <span className="sr-only">Actions</span>
          </HeaderCell>
        ) : null}
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={row.id} className={row.active ? undefined : "bg-slate-50 text-slate-600"}>
            {columns.map((column) => (
              <Cell key={column.header} className={cn("py-3", column.className)}>
                {column.cell(row)}
              </Cell>
            ))}
            <Cell className="py-3 text-right whitespace-nowrap tabular-nums">
              {formatMoney(itemOf(row).priceMinor, currency)}
            </Cell>
            <Cell className="py-3">{taxText(itemOf(row))}</Cell>
            {canEdit ? (
              <Cell className="py-3">
                <div className="flex flex-wrap justify-end gap-2">
                  <Button variant="secondary" size="sm" onClick={() => onEdit(row)}>
                    Edit<span className="sr-only"> {row.name}</span>
                  </Button>
                  {actions(row)}
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
