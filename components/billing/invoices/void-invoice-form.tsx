"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { Notice } from "@/components/ui/notice";
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
    <section aria-labelledby="void-heading" className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h2 id="void-heading" className="text-lg font-semibold text-slate-900">
        Void
      </h2>
      <p className="text-sm text-slate-600">
        An issued invoice is never changed: a credit note with its own number cancels it, and whatever was
        paid on it becomes the patient&apos;s credit.
      </p>
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        aria-label="Void with credit note"
        onSubmit={(event) => {
          event.preventDefault();
          voiding.call({ invoiceId, reason });
        }}
      >
        <div className="sm:w-96">
          <TextField
            label="Reason for voiding"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              voiding.clearError();
            }}
            required
          />
        </div>
        <Button type="submit" variant="danger" disabled={voiding.pending}>
          {voiding.pending ? "Voiding…" : "Void with credit note"}
        </Button>
      </form>
      {voiding.error ? <Notice>{voiding.error}</Notice> : null}
    </section>
  );
}
