"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { refundPaymentAction } from "@/lib/actions/payments/refund-payment";
import { formatMoney, minorToInput } from "@/lib/billing/money-input";
import { minorOf, refundFormSchema } from "@/lib/validations/invoice-forms";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/validations/payments";

export type RefundablePayment = {
  paymentId: string;
  receiptNumber: string;
  method: (typeof PAYMENT_METHODS)[number];
  /** Neither applied to an invoice nor refunded: the most that may go back. */
  refundableMinor: number;
};

/** Gives back a payment's unapplied money (the patient's credit) by a method, saying why. Billing only. */
export function RefundButton({ payment, currency }: { payment: RefundablePayment; currency: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`Refund ${payment.receiptNumber}`}
      >
        Refund
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Refund ${payment.receiptNumber}`}>
        {open ? <RefundForm payment={payment} currency={currency} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function RefundForm({
  payment,
  currency,
  onDone,
}: {
  payment: RefundablePayment;
  currency: string;
  onDone: () => void;
}) {
  const most = formatMoney(payment.refundableMinor, currency);
  const { field, submit, pending, formError } = useActionForm({
    schema: refundFormSchema(currency),
    action: refundPaymentAction,
    defaultValues: {
      amount: minorToInput(payment.refundableMinor, currency),
      method: payment.method,
      reason: "",
    },
    fieldOf: (path) => (path === "amountMinor" ? "amount" : path),
    message: "inline",
    toInput: (values) => ({
      paymentId: payment.paymentId,
      amountMinor: minorOf(values.amount, currency),
      method: values.method,
      reason: values.reason,
    }),
    success: (done) => done.message,
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Up to <strong>{most}</strong> of this payment is the patient&apos;s credit and can be given back.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={`Amount (${currency})`} inputMode="decimal" {...field("amount")} />
        <SelectField
          label="Given back by"
          options={PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))}
          {...field("method")}
        />
      </div>
      <TextField
        label="Reason"
        hint="Kept with the refund, e.g. Invoice voided: overcharged."
        {...field("reason")}
      />
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions
        pending={pending}
        submitLabel="Refund"
        pendingLabel="Refunding…"
        danger
        onCancel={onDone}
      />
    </form>
  );
}
