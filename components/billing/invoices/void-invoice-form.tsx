"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { voidInvoiceAction } from "@/lib/actions/invoices/void-invoice";

/** Voids an issued invoice with a credit note, saying why; payments on it become the patient's credit. */
export function VoidInvoiceForm({ invoiceId }: { invoiceId: string }) {
  const [reason, setReason] = useState("");
  const voiding = useActionCall(voidInvoiceAction, {
    message: "inline",
    success: (done) =>
      done.returnedToCreditMinor > 0
        ? `Voided by ${done.number}; what was paid is now the patient's credit.`
        : `Voided by ${done.number}.`,
  });
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2"
      aria-label="Void with credit note"
      onSubmit={(event) => {
        event.preventDefault();
        voiding.call({ invoiceId, reason });
      }}
    >
      <label className="flex min-w-64 flex-1 flex-col text-sm">
        Reason for voiding
        <input
          className="h-10 rounded-md border border-slate-300 px-2 text-sm"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </label>
      <Button type="submit" variant="secondary" disabled={voiding.pending}>
        {voiding.pending ? "Voiding…" : "Void with credit note"}
      </Button>
      {voiding.error ? <p className="w-full text-sm text-red-700">{voiding.error}</p> : null}
    </form>
  );
}
