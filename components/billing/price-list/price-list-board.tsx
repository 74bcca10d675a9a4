"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PriceList, PriceListItem, PriceListType } from "@/lib/billing/price-list/find-price-list";
import { ItemDialog } from "./item-dialog";
import { ItemsTable } from "./items-table";
import { TypeDialog } from "./type-dialog";
import { TypesTable } from "./types-table";

type Editing =
  | { kind: "type"; type: PriceListType | null }
  | { kind: "item"; item: PriceListItem | null }
  | null;

/** The price list's two tables and their add/edit dialogs; read-only without `canEdit`. */
export function PriceListBoard({ priceList, canEdit }: { priceList: PriceList; canEdit: boolean }) {
  const [editing, setEditing] = useState<Editing>(null);
  const { currency } = priceList;
  const close = () => setEditing(null);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="types-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="types-heading" className="text-base font-semibold text-slate-900">
              Appointment types
            </h2>
            <p className="text-sm text-slate-600">
              What a booking is for: its length, colour in the calendar and price.
            </p>
          </div>
          {canEdit ? (
            <Button onClick={() => setEditing({ kind: "type", type: null })}>Add appointment type</Button>
          ) : null}
        </div>
        <TypesTable
          types={priceList.types}
          currency={currency}
          canEdit={canEdit}
          onEdit={(type) => setEditing({ kind: "type", type })}
        />
      </section>
      <section aria-labelledby="items-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="items-heading" className="text-base font-semibold text-slate-900">
              Other items
            </h2>
            <p className="text-sm text-slate-600">Everything else an invoice can charge.</p>
          </div>
          {canEdit ? (
            <Button variant="secondary" onClick={() => setEditing({ kind: "item", item: null })}>
              Add item
            </Button>
          ) : null}
        </div>
        <ItemsTable
          items={priceList.items}
          currency={currency}
          canEdit={canEdit}
          onEdit={(item) => setEditing({ kind: "item", item })}
        />
      </section>
      <TypeDialog
        open={editing?.kind === "type"}
        type={editing?.kind === "type" ? editing.type : null}
        currency={currency}
        onClose={close}
      />
      <ItemDialog
        open={editing?.kind === "item"}
        item={editing?.kind === "item" ? editing.item : null}
        currency={currency}
        onClose={close}
      />
    </div>
  );
}
