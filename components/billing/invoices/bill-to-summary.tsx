import type { InvoiceDetail } from "@/lib/billing/invoices/find-invoice";

/**
 * Who the invoice is addressed to, read-only: an issued one's from its snapshot (a later change to
 * the patient or third party never rewrites it), a draft's as it stands.
 */
export function BillToSummary({ invoice }: { invoice: InvoiceDetail }) {
  const patientName = `${invoice.patient.firstName} ${invoice.patient.lastName}`;
  const billTo = invoice.snapshot?.billTo ?? {
    kind: invoice.billTo,
    name: invoice.billTo === "THIRD_PARTY" ? (invoice.billToName ?? "") : patientName,
    address: invoice.billTo === "THIRD_PARTY" ? invoice.billToAddress : invoice.patient.address,
    reference: invoice.billToReference,
  };
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-600">Bill to</dt>
      <dd className="font-medium">
        {billTo.name}
        {billTo.kind === "THIRD_PARTY" ? (
          <span className="font-normal text-slate-600"> (third party)</span>
        ) : null}
      </dd>
      {billTo.address ? (
        <>
          <dt className="text-slate-600">Address</dt>
          <dd className="whitespace-pre-line">{billTo.address}</dd>
        </>
      ) : null}
      {billTo.reference ? (
        <>
          <dt className="text-slate-600">Reference</dt>
          <dd>{billTo.reference}</dd>
        </>
      ) : null}
    </dl>
  );
}
