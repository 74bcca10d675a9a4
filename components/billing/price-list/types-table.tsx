"use client";

import { Badge } from "@/components/ui/badge";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { setAppointmentTypeActiveAction } from "@/lib/actions/price-list/set-appointment-type-active";
import { setDefaultAppointmentTypeAction } from "@/lib/actions/price-list/set-default-appointment-type";
import type { PriceListType } from "@/lib/billing/price-list/find-price-list";
import { type PriceListColumn, PriceListTable } from "./price-list-table";
import { RowActionButton } from "./row-actions";

const COLUMNS: PriceListColumn<PriceListType>[] = [
  {
    header: "Type",
    cell: (type) => (
      <>
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
      </>
    ),
  },
  { header: "Length", className: "whitespace-nowrap", cell: (type) => `${type.durationMinutes} min` },
];

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
  return (
    <PriceListTable
      caption="Appointment types"
      rows={types}
      columns={COLUMNS}
      itemOf={(type) => type.item}
      currency={currency}
      canEdit={canEdit}
      onEdit={onEdit}
      empty={{
        none: "No appointment types yet.",
        add: "Add one, such as a 20-minute consultation, so bookings carry a price.",
      }}
      actions={(type) => (
        <>
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
        </>
      )}
    />
  );
}
