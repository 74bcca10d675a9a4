"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { addInvoiceLineAction } from "@/lib/actions/invoices/add-invoice-line";
import { issueInvoiceAction } from "@/lib/actions/invoices/issue-invoice";
import { removeInvoiceLineAction } from "@/lib/actions/invoices/remove-invoice-line";
import { parseMoney } from "@/lib/billing/money-input";

const inputClass = "h-10 rounded-md border border-slate-300 px-2 text-sm";

/** Adds a free-text line to a draft: amounts typed as people write them, worked out on the server. */
export function AddLineForm({ invoiceId, currency }: { invoiceId: string; currency: string }) {
  const [description, setDescription] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [price, setPrice] = useState("");
  const [discount, setDiscount] = useState("");
  const [typo, setTypo] = useState<string | null>(null);
  const add = useActionCall(addInvoiceLineAction, {
    success: () => "Line added.",
    onSuccess: () => {
      setDescription("");
      setPrice("");
      setDiscount("");
      setQuantity("1");
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const unitPriceMinor = parseMoney(price, currency);
    const discountMinor = discount.trim() === "" ? 0 : parseMoney(discount, currency);
    if (unitPriceMinor === null || discountMinor === null) {
      setTypo("Enter amounts such as 12.50, without a minus sign.");
      return;
    }
    setTypo(null);
    add.call({
      invoiceId,
      line: {
        description,
        quantity: Number(quantity),
        unitPriceMinor,
        discountMinor,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care",
      },
    });
  };
  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-2" aria-label="Add a line">
      <label className="flex flex-col text-sm">
        Description
        <input
          className={inputClass}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          required
        />
      </label>
      <label className="flex w-20 flex-col text-sm">
        Quantity
        <input
          className={inputClass}
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </label>
      <label className="flex w-28 flex-col text-sm">
        Unit price
        <input
          className={inputClass}
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
        />
      </label>
      <label className="flex w-28 flex-col text-sm">
        Discount
        <input
          className={inputClass}
          inputMode="decimal"
          value={discount}
          onChange={(e) => setDiscount(e.target.value)}
        />
      </label>
      <Button type="submit" disabled={add.pending}>
        {add.pending ? "Adding…" : "Add line"}
      </Button>
      {typo ? <p className="w-full text-sm text-red-700">{typo}</p> : null}
    </form>
  );
}

export function RemoveLineButton({ lineId }: { lineId: string }) {
  const remove = useActionCall(removeInvoiceLineAction, { success: () => "Line removed." });
  return (
    <Button size="sm" variant="secondary" disabled={remove.pending} onClick={() => remove.call({ lineId })}>
      Remove
    </Button>
  );
}

export function IssueButton({ invoiceId }: { invoiceId: string }) {
  const issue = useActionCall(issueInvoiceAction, { success: (issued) => `Issued as ${issued.number}.` });
  return (
    <Button disabled={issue.pending} onClick={() => issue.call({ invoiceId })}>
      {issue.pending ? "Issuing…" : "Issue invoice"}
    </Button>
  );
}
