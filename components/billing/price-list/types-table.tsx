"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { setAppointmentTypeActiveAction } from "@/lib/actions/price-list/set-appointment-type-active";
import { setDefaultAppointmentTypeAction } from "@/lib/actions/price-list/set-default-appointment-type";
import { formatMoney } from "@/lib/billing/money-input";
import type { PriceListType } from "@/lib/billing/price-list/find-price-list";
import { RowActionButton } from "./row-actions";
import { taxText } from "./tax-text";

/** Appointment types: what booking offers, each with its length, colour and price. */
export function TypesTable({
  types,
  currency,
  canEdit,
  onEdit,
}: {
  types: PriceListType[];
  currency: string;
  canEdit: boolean;
  onEdit: (type: PriceListType) => void;
}) {
  if (types.length === 0) {
    return (
      <EmptyState>
        No appointment types yet.{" "}
        {canEdit
          ? "Add one, such as a 20-minute consultation, so bookings carry a price."
          : "An owner or manager adds them."}
      </EmptyState>
    );
  }
  return (
    <Table caption="Appointment types">
      <TableHead>
        <HeaderCell>Type</HeaderCell>
        <HeaderCell>Length</HeaderCell>
        <HeaderCell className="text-right">Price</HeaderCell>
        <HeaderCell>Tax</HeaderCell>
        {canEdit ? (
          <HeaderCell>
            <span className="sr-only">Actions</span>
          </HeaderCell>
        ) : null}
      </TableHead>
      <TableBody>
        {types.map((type) => (
          <tr key={type.id} className={type.active ? undefined : "bg-slate-50 text-slate-600"}>
            <Cell className="py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  aria-hidden
                  className="inline-block size-3 shrink-0 rounded-full ring-1 ring-slate-300"
                  style={{ backgroundColor: type.colour }}
                />
                <span className="font-medium">{type.name}</span>
                {type.isDefault ? <Badge tone="brand">Default</Badge> : null}
                {type.active ? null : <Badge>Inactive</Badge>}
              </div>
              <p className="text-xs text-slate-600">{type.item.code}</p>
            </Cell>
            <Cell className="py-3 whitespace-nowrap">{type.durationMinutes} min</Cell>
            <Cell className="py-3 text-right whitespace-nowrap tabular-nums">
              {formatMoney(type.item.priceMinor, currency)}
            </Cell>
            <Cell className="py-3">{taxText(type.item)}</Cell>
            {canEdit ? (
              <Cell className="py-3">
                <div className="flex flex-wrap justify-end gap-2">
                  <Button variant="secondary" size="sm" onClick={() => onEdit(type)}>
                    Edit<span className="sr-only"> {type.name}</span>
                  </Button>
                  {type.active && !type.isDefault ? (
                    <RowActionButton
                      action={setDefaultAppointmentTypeAction as ServerAction<unknown>}
                      input={{ typeId: type.id }}
                      label="Make default"
                      srName={type.name}
                      done={`${type.name} is now the default type.`}
                    />
                  ) : null}
                  {type.isDefault ? null : (
                    <RowActionButton
                      action={setAppointmentTypeActiveAction as ServerAction<unknown>}
                      input={{ typeId: type.id, active: !type.active }}
                      label={type.active ? "Deactivate" : "Reactivate"}
                      srName={type.name}
                      done={
                        type.active
                          ? `${type.name} can no longer be booked; booked appointments keep it.`
                          : `${type.name} can be booked again.`
                      }
                    />
                  )}
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
