"use client";

import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { FieldError } from "@/components/ui/input";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setInvoiceBillToAction } from "@/lib/actions/invoices/set-invoice-bill-to";
import { setBillToSchema } from "@/lib/validations/invoices";

export type DraftBillTo = {
  billTo: "PATIENT" | "THIRD_PARTY";
  name: string;
  address: string;
  reference: string;
};

/** Addresses a draft to the patient or a third party (insurer, employer); issuing fixes it. */
export function BillToForm({
  invoiceId,
  patientName,
  current,
}: {
  invoiceId: string;
  patientName: string;
  current: DraftBillTo;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: setBillToSchema,
    action: setInvoiceBillToAction,
    defaultValues: { invoiceId, ...current },
    success: (saved) =>
      saved.billTo === "THIRD_PARTY"
        ? "The invoice is addressed to the third party."
        : "Billed to the patient.",
  });
  const thirdParty = form.watch("billTo") === "THIRD_PARTY";
  const { error, ...radio } = field("billTo");
  return (
    <form onSubmit={submit} noValidate aria-label="Bill to" className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Who pays</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" value="PATIENT" className="size-4 accent-teal-700" {...radio} />
          The patient, {patientName}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" value="THIRD_PARTY" className="size-4 accent-teal-700" {...radio} />A third
          party (insurer, employer…)
        </label>
        {error ? <FieldError>{error}</FieldError> : null}
      </fieldset>
      {thirdParty ? (
        <>
          <TextField label="Name" {...field("name")} />
          <TextAreaField label="Address" rows={2} {...field("address")} />
        </>
      ) : null}
      <TextField label="Their reference" hint="Optional: a policy or order number." {...field("reference")} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" className="self-start">
        Save bill-to
      </SubmitButton>
    </form>
  );
}
