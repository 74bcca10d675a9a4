"use client";

import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/validations/payments";

export type TenderRow = {
  key: number;
  method: (typeof PAYMENT_METHODS)[number];
  amount: string;
  reference: string;
};

/** The amounts received, one row per method (part cash, part card), each with its reference. */
export function TenderRows({
  rows,
  onChange,
  currency,
}: {
  rows: TenderRow[];
  onChange: (rows: TenderRow[]) => void;
  currency: string;
}) {
  const update = (index: number, patch: Partial<TenderRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="flex flex-col gap-3">
      {rows.map((row, index) => (
        <fieldset
          key={row.key}
          className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-3"
        >
          <legend className="px-1 text-sm font-medium text-slate-700">Part {index + 1}</legend>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`tender-method-${index}`}>Method</Label>
            <Select
              id={`tender-method-${index}`}
              value={row.method}
              onChange={(event) => update(index, { method: event.target.value as TenderRow["method"] })}
            >
              {PAYMENT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {PAYMENT_METHOD_LABELS[method]}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`tender-amount-${index}`}>Amount received ({currency})</Label>
            <Input
              id={`tender-amount-${index}`}
              inputMode="decimal"
              value={row.amount}
              onChange={(event) => update(index, { amount: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`tender-reference-${index}`}>Reference</Label>
            <Input
              id={`tender-reference-${index}`}
              value={row.reference}
              placeholder={row.method === "CASH" ? "Optional" : "Card slip or transfer ref."}
              onChange={(event) => update(index, { reference: event.target.value })}
            />
          </div>
          {rows.length > 1 ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              className="sm:col-span-3 sm:justify-self-end"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove part {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {rows.length < 4 ? (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          className="self-start"
          onClick={() =>
            onChange([
              ...rows,
              { key: Math.max(...rows.map((r) => r.key)) + 1, method: "CARD", amount: "", reference: "" },
            ])
          }
        >
          Add another method
        </Button>
      ) : null}
    </div>
  );
}
