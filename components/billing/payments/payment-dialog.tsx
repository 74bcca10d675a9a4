"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { useActionCall } from "@/components/ui/use-action-call";
import { applyCreditAction } from "@/lib/actions/payments/apply-credit";
import { takePaymentAction } from "@/lib/actions/payments/take-payment";
import { formatMoney, parseMoney } from "@/lib/billing/money-input";
import type { CheckoutInvoice } from "@/lib/billing/payments/front-desk-billing";
import type { TakenPayment } from "@/lib/billing/payments/take-payment";
import { type TenderRow, TenderRows } from "./tender-rows";

/**
 * Check-out: the amount due, what was received per method (with a reference), the change to give
 * back for cash, and the patient's credit to apply. Taking it issues a draft in the same step.
 */
export function PaymentDialog({
  open,
  onClose,
  patientName,
  invoice,
  currency,
  creditMinor,
}: {
  open: boolean;
  onClose: () => void;
  patientName: string;
  invoice: CheckoutInvoice;
  currency: string;
  creditMinor: number;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const [rows, setRows] = useState<TenderRow[]>([{ key: 0, method: "CASH", amount: "", reference: "" }]);
  const [keepChange, setKeepChange] = useState(false);
  const [taken, setTaken] = useState<TakenPayment | null>(null);
  const pay = useActionCall(takePaymentAction, { message: "inline", onSuccess: (data) => setTaken(data) });
  const credit = useActionCall(applyCreditAction, { success: (data) => data.message, onSuccess: onClose });

  const amounts = rows.map((row) => parseMoney(row.amount, currency));
  const received = amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const over = Math.max(0, received - invoice.dueMinor);
  const cashIndex = rows.findIndex((row) => row.method === "CASH");
  const change = cashIndex >= 0 ? Math.min(over, amounts[cashIndex] ?? 0) : 0;
  const invalid = amounts.some((amount) => amount === null || amount <= 0);

  const payBalance = () => {
    const others = amounts.reduce<number>((sum, amount, i) => sum + (i === 0 ? 0 : (amount ?? 0)), 0);
    const first = Math.max(0, invoice.dueMinor - others);
    setRows(rows.map((row, i) => (i === 0 ? { ...row, amount: money(first).replace(/[^\d.]/g, "") } : row)));
  };

  const submit = () => {
    const tenders = rows.map((row, i) => ({
      method: row.method,
      // Cash handed back as change was never the clinic's money: only what is kept is recorded.
      amountMinor: (amounts[i] ?? 0) - (i === cashIndex && !keepChange ? change : 0),
      reference: row.reference || null,
    }));
    pay.call({ invoiceId: invoice.invoiceId, tenders: tenders.filter((tender) => tender.amountMinor > 0) });
  };

  const label = invoice.number ? `invoice ${invoice.number}` : "the draft invoice";
  return (
    <Dialog open={open} onClose={onClose} title={`Take payment: ${patientName}`}>
      {taken ? (
        <div className="flex flex-col gap-3">
          <Notice tone="info">{taken.message}</Notice>
          <ul className="flex flex-col gap-1 text-sm">
            {taken.receipts.map((receipt) => (
              <li key={receipt.paymentId}>
                <a
                  className="text-teal-800 underline"
                  href={`/print/receipts/${receipt.paymentId}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  Receipt {receipt.receiptNumber} ({money(receipt.amountMinor)})
                </a>
              </li>
            ))}
          </ul>
          <Button onClick={onClose}>Done</Button>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            Due on {label}: <strong className="text-lg text-slate-900">{money(invoice.dueMinor)}</strong>
            {invoice.draft ? " (taking the payment issues it)" : ""}
          </p>
          {creditMinor > 0 ? (
            <div className="flex flex-wrap items-center gap-3 rounded-md bg-teal-50 px-3 py-2 text-sm">
              <span>Patient credit: {money(creditMinor)}</span>
              {!invoice.draft ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={credit.pending}
                  onClick={() => credit.call({ invoiceId: invoice.invoiceId })}
                >
                  Apply credit
                </Button>
              ) : (
                <span className="text-slate-600">Credit can be applied once the invoice is issued.</span>
              )}
            </div>
          ) : null}
          <TenderRows rows={rows} onChange={setRows} currency={currency} />
          <Button type="button" size="sm" variant="secondary" className="self-start" onClick={payBalance}>
            Pay the balance
          </Button>
          <p className="text-sm text-slate-700">
            Received: {money(received)}
            {received < invoice.dueMinor
              ? ` · still due after this: ${money(invoice.dueMinor - received)}`
              : ""}
          </p>
          {change > 0 ? (
            <div className="flex flex-col gap-1 rounded-md bg-amber-50 px-3 py-2 text-sm">
              <strong>
                {keepChange ? `${money(change)} kept as credit` : `Change to give back: ${money(change)}`}
              </strong>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={keepChange}
                  onChange={(event) => setKeepChange(event.target.checked)}
                />
                Keep it as the patient&apos;s credit instead
              </label>
            </div>
          ) : over > 0 ? (
            <p className="text-sm text-amber-800">
              {money(over)} more than is due will be kept as the patient&apos;s credit.
            </p>
          ) : null}
          {pay.error ? <Notice>{pay.error}</Notice> : null}
          {invalid && rows.some((row) => row.amount !== "") ? (
            <Notice tone="warning">Enter each amount as a number, e.g. 12.50.</Notice>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={invalid || pay.pending} onClick={submit}>
              {pay.pending ? "Taking payment…" : "Take payment"}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
