"use client";

import { useRouter } from "next/navigation";
import { closeDayAction } from "@/lib/actions/billing-reports/close-day";
import { formatMoney, parseMoney } from "@/lib/billing/money-input";
import { closeDaySchema } from "@/lib/validations/billing-reports";
import { SubmitButton } from "../../ui/form-actions";
import { TextField } from "../../ui/form-field";
import { useActionForm } from "../../ui/use-action-form";

/** The person closing enters the cash counted; the difference shows as they type, then is recorded. */
export function CloseDayForm(props: {
  locationId: string;
  businessDate: string;
  expectedCashMinor: number;
  currency: string;
}) {
  const router = useRouter();
  const { locationId, businessDate, expectedCashMinor, currency } = props;
  const { form, field, submit, pending } = useActionForm({
    schema: closeDaySchema,
    action: closeDayAction,
    defaultValues: { locationId, businessDate, countedCash: "", note: "" },
    message: { field: "countedCash" },
    success: () => "The day is closed.",
    onSuccess: () => router.refresh(),
  });
  const typed = form.watch("countedCash") ?? "";
  const counted = /^\d{1,9}([.,]\d{1,3})?$/.test(typed.trim()) ? parseMoney(typed.trim(), currency) : null;
  const difference = counted === null ? null : counted - expectedCashMinor;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={`Cash counted (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          hint={`Expected in the drawer: ${formatMoney(expectedCashMinor, currency)}`}
          {...field("countedCash")}
        />
        <TextField label="Note (optional)" autoComplete="off" {...field("note")} />
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {difference === null
          ? "Count the cash in the drawer and enter it to see the difference."
          : difference === 0
            ? "The cash matches what is expected."
            : `Difference: ${formatMoney(Math.abs(difference), currency)} ${difference < 0 ? "short" : "over"}.`}
      </p>
      <div>
        <SubmitButton pending={pending} pendingLabel="Closing…">
          Close the day
        </SubmitButton>
      </div>
    </form>
  );
}
