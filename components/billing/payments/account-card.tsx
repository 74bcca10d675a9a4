import Link from "next/link";
import { InvoiceStateBadge } from "@/components/billing/invoices/invoice-state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/billing/money-input";
import type { AccountCard as AccountCardData } from "@/lib/billing/payments/patient-account";
import { PAYMENT_METHOD_LABELS, type PAYMENT_METHODS } from "@/lib/validations/payments";
import { RefundButton } from "./refund-dialog";

type Method = (typeof PAYMENT_METHODS)[number];

/**
 * The patient's account: what they owe, their credit, recent invoices and payments with receipt
 * links (billing.view), and for billing (`canRefund`) a refund of a payment's unapplied money.
 * Roles with billing.owes only see "Owes £x" or nothing.
 */
export function AccountCard({
  account,
  owesOnly,
  canRefund = false,
  formatDay,
}: {
  account: AccountCardData;
  owesOnly: boolean;
  canRefund?: boolean;
  formatDay: (at: Date) => string;
}) {
  const money = (minor: number) => formatMoney(minor, account.currency);
  if (owesOnly)
    return account.owedMinor > 0 ? (
      <p className="text-sm">
        <Badge tone="warning">Owes {money(account.owedMinor)}</Badge>
      </p>
    ) : null;
  return (
    <Card aria-labelledby="account-heading">
      <CardHeader>
        <CardTitle as="h2" id="account-heading">
          Account
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <dl className="grid grid-cols-2 gap-2 sm:max-w-md">
          <dt className="text-slate-600">Owes</dt>
          <dd className="font-semibold tabular-nums">{money(account.owedMinor)}</dd>
          <dt className="text-slate-600">Credit</dt>
          <dd className="font-semibold tabular-nums">{money(account.creditMinor)}</dd>
        </dl>
        <div>
          <h3 className="mb-1 font-medium text-slate-900">Recent invoices</h3>
          {account.invoices.length === 0 ? (
            <p className="text-slate-600">No invoices yet: one is drafted when the patient checks in.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {account.invoices.map((invoice) => (
                <li key={invoice.id} className="flex flex-wrap items-center gap-2">
                  <Link
                    className="font-medium text-teal-800 underline"
                    href={`/billing/invoices/${invoice.id}`}
                  >
                    {invoice.number ?? "Draft"}
                  </Link>
                  {invoice.issuedAt ? (
                    <span className="text-slate-600">{formatDay(invoice.issuedAt)}</span>
                  ) : null}
                  <span className="tabular-nums">{money(invoice.totalMinor)}</span>
                  <InvoiceStateBadge state={invoice.state} />
                  {invoice.balanceMinor > 0 ? (
                    <span className="text-slate-600">{money(invoice.balanceMinor)} due</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium text-slate-900">Recent payments</h3>
          {account.payments.length === 0 ? (
            <p className="text-slate-600">No payments yet.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {account.payments.map((payment) => (
                <li key={payment.id} className="flex flex-wrap items-center gap-2">
                  <a
                    className="font-medium text-teal-800 underline"
                    href={`/print/receipts/${payment.id}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {payment.receiptNumber}
                  </a>
                  <span className="text-slate-600">{formatDay(payment.takenAt)}</span>
                  <span>{PAYMENT_METHOD_LABELS[payment.method as Method]}</span>
                  <span className="tabular-nums">{money(payment.amountMinor)}</span>
                  {payment.unappliedMinor > 0 ? (
                    <span className="text-slate-600">{money(payment.unappliedMinor)} unapplied</span>
                  ) : null}
                  {canRefund && payment.unappliedMinor > 0 ? (
                    <RefundButton
                      currency={account.currency}
                      payment={{
                        paymentId: payment.id,
                        receiptNumber: payment.receiptNumber,
                        method: payment.method as Method,
                        refundableMinor: payment.unappliedMinor,
                      }}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
