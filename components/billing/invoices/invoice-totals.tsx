import type { InvoiceDetail } from "@/lib/billing/invoices/find-invoice";
import { formatMoney } from "@/lib/billing/money-input";

/** Subtotal, tax and total as the server summed the lines; what was paid and is due once issued. */
export function InvoiceTotals({ invoice }: { invoice: InvoiceDetail }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  // A voided invoice owes nothing and holds nothing: its payments went back to credit (listed below).
  const issuedInvoice = invoice.kind === "INVOICE" && invoice.status === "ISSUED" && !invoice.creditNote;
  return (
    <dl
      aria-label="Totals"
      className="grid w-full max-w-xs grid-cols-2 gap-1 self-end rounded-lg bg-slate-50 px-4 py-3 text-sm"
    >
      <dt>Subtotal</dt>
      <dd className="text-right tabular-nums">{money(invoice.subtotalMinor)}</dd>
      <dt>Tax</dt>
      <dd className="text-right tabular-nums">{money(invoice.taxMinor)}</dd>
      <dt className="font-semibold">Total</dt>
      <dd className="text-right font-semibold tabular-nums">{money(invoice.totalMinor)}</dd>
      {issuedInvoice ? (
        <>
          <dt>Paid</dt>
          <dd className="text-right tabular-nums">{money(invoice.appliedMinor)}</dd>
          <dt className="font-semibold">Balance due</dt>
          <dd className="text-right font-semibold tabular-nums">{money(invoice.balanceMinor)}</dd>
        </>
      ) : null}
    </dl>
  );
}
