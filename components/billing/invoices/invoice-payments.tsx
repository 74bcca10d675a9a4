import { RefundButton } from "@/components/billing/payments/refund-dialog";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { InvoicePaymentRow, InvoiceRefundRow } from "@/lib/billing/invoices/find-invoice";
import { formatMoney } from "@/lib/billing/money-input";
import { PAYMENT_METHOD_LABELS, type PAYMENT_METHODS } from "@/lib/validations/payments";

type Method = (typeof PAYMENT_METHODS)[number];

function sourceOf(row: InvoicePaymentRow): string {
  if (row.amountMinor < 0) return "Back to credit (void)";
  return row.fromCredit ? "From credit" : "Paid";
}

/**
 * What was applied to the invoice, with each receipt; when billing may refund, the payments whose
 * money is now the patient's credit (a voided invoice's) can be refunded from here.
 */
export function InvoicePayments({
  payments,
  refunds,
  currency,
  formatDay,
  canRefund,
}: {
  payments: InvoicePaymentRow[];
  refunds: InvoiceRefundRow[];
  currency: string;
  formatDay: (at: Date) => string;
  canRefund: boolean;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const refundable = canRefund
    ? [
        ...new Map(
          payments.filter((row) => row.refundableMinor > 0).map((row) => [row.paymentId, row]),
        ).values(),
      ]
    : [];
  return (
    <section aria-labelledby="payments-heading" className="flex flex-col gap-3">
      <h2 id="payments-heading" className="text-lg font-semibold text-slate-900">
        Payments
      </h2>
      {payments.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing has been paid on this invoice yet.</p>
      ) : (
        <Table caption="Payments applied to this invoice" stackOnPhone>
          <TableHead>
            <HeaderCell>Date</HeaderCell>
            <HeaderCell>Method</HeaderCell>
            <HeaderCell>Receipt</HeaderCell>
            <HeaderCell>How</HeaderCell>
            <HeaderCell className="text-right">Amount</HeaderCell>
          </TableHead>
          <TableBody>
            {payments.map((row) => (
              <tr key={row.allocationId}>
                <Cell className="whitespace-nowrap">{formatDay(row.appliedAt)}</Cell>
                <Cell>{PAYMENT_METHOD_LABELS[row.method as Method] ?? row.method}</Cell>
                <Cell>
                  <a
                    className="font-medium text-teal-800 underline"
                    href={`/print/receipts/${row.paymentId}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {row.receiptNumber}
                  </a>
                </Cell>
                <Cell>{sourceOf(row)}</Cell>
                <Cell className="font-semibold tabular-nums sm:text-right sm:font-normal">
                  {money(row.amountMinor)}
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      {refunds.length > 0 ? (
        <div className="flex flex-col gap-1 text-sm">
          <h3 className="font-medium text-slate-900">Given back</h3>
          <ul className="flex flex-col gap-1">
            {refunds.map((refund) => (
              <li key={refund.refundId}>
                {formatDay(refund.refundedAt)}:{" "}
                <strong className="tabular-nums">{money(refund.amountMinor)}</strong> from{" "}
                {refund.receiptNumber} by{" "}
                {(PAYMENT_METHOD_LABELS[refund.method as Method] ?? refund.method).toLowerCase()} —{" "}
                {refund.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {refundable.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-md bg-teal-50 px-3 py-2 text-sm">
          <p>This money is now the patient&apos;s credit: apply it to another invoice, or refund it.</p>
          <ul className="flex flex-col gap-2">
            {refundable.map((row) => (
              <li key={row.paymentId} className="flex flex-wrap items-center gap-3">
                <span>
                  {row.receiptNumber}: <strong className="tabular-nums">{money(row.refundableMinor)}</strong>{" "}
                  refundable
                </span>
                <RefundButton
                  currency={currency}
                  payment={{
                    paymentId: row.paymentId,
                    receiptNumber: row.receiptNumber,
                    method: row.method as Method,
                    refundableMinor: row.refundableMinor,
                  }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
