"use client";

import { useState } from "react";
import { PaymentDialog } from "@/components/billing/payments/payment-dialog";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { applyCreditAction } from "@/lib/actions/payments/apply-credit";
import { formatMoney } from "@/lib/billing/money-input";
import type { CheckoutInvoice } from "@/lib/billing/payments/front-desk-billing";

/**
 * Taking money on the invoice page: the check-out dialog for what is due (a draft is issued by
 * it), and the patient's credit applied in one click once the invoice is issued. It stays mounted
 * once nothing is due, so the dialog keeps showing the receipts of the payment that settled it.
 */
export function InvoiceMoneyActions({
  invoice,
  patientName,
  currency,
  creditMinor,
}: {
  invoice: CheckoutInvoice;
  patientName: string;
  currency: string;
  creditMinor: number;
}) {
  const [paying, setPaying] = useState(false);
  const credit = useActionCall(applyCreditAction, { success: (data) => data.message });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {invoice.dueMinor > 0 ? <Button onClick={() => setPaying(true)}>Take payment</Button> : null}
      {creditMinor > 0 && invoice.dueMinor > 0 && !invoice.draft ? (
        <Button
          variant="secondary"
          disabled={credit.pending}
          onClick={() => credit.call({ invoiceId: invoice.invoiceId })}
        >
          {credit.pending ? "Applying…" : `Apply credit (${formatMoney(creditMinor, currency)})`}
        </Button>
      ) : null}
      {paying ? (
        <PaymentDialog
          open
          onClose={() => setPaying(false)}
          patientName={patientName}
          invoice={invoice}
          currency={currency}
          creditMinor={creditMinor}
        />
      ) : null}
    </div>
  );
}
