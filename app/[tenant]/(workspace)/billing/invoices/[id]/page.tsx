import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddLineForm, IssueButton, RemoveLineButton } from "@/components/billing/invoices/draft-actions";
import { InvoiceStateBadge } from "@/components/billing/invoices/invoice-state-badge";
import { VoidInvoiceForm } from "@/components/billing/invoices/void-invoice-form";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findInvoice } from "@/lib/billing/invoices/find-invoice";
import { formatRate } from "@/lib/billing/money";
import { formatMoney } from "@/lib/billing/money-input";
import { formatClinicDay } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Invoice" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function taxLabel(line: { taxTreatment: string; taxRateBp: number | null; exemptReason: string | null }) {
  if (line.taxTreatment === "RATED") return formatRate(line.taxRateBp ?? 0);
  if (line.taxTreatment === "ZERO_RATED") return "Zero-rated";
  return `Exempt: ${line.exemptReason ?? ""}`;
}

export default async function InvoicePage({ params }: TenantParams & { params: Promise<{ id: string }> }) {
  const workspace = await requireWorkspace(params, "billing.view");
  if (!workspace) return null;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const invoice = await withTenantDb(workspace.clinic.subdomain, (db) => findInvoice(db, id));
  if (!invoice) notFound();
  const canEdit = clinicRoleCan(workspace.role, "invoices.manage");
  const draft = invoice.status === "DRAFT";
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const title =
    invoice.kind === "CREDIT_NOTE" ? `Credit note ${invoice.number}` : (invoice.number ?? "Draft invoice");
  const billTo =
    invoice.billTo === "THIRD_PARTY"
      ? invoice.billToName
      : `${invoice.patient.firstName} ${invoice.patient.lastName}`;
  return (
    <>
      <PageHeader
        title={title}
        description={`${invoice.patient.firstName} ${invoice.patient.lastName} · ${invoice.location.name} · ${formatClinicDay(invoice.issuedAt ?? invoice.createdAt, workspace.settings.timezone)}`}
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <InvoiceStateBadge state={invoice.state} />
        <span>Bill to: {billTo}</span>
        {invoice.creditedInvoice ? (
          <span>
            Voids{" "}
            <Link
              className="text-brand-700 underline"
              href={`/billing/invoices/${invoice.creditedInvoice.id}`}
            >
              {invoice.creditedInvoice.number}
            </Link>
            {invoice.note ? `: ${invoice.note}` : ""}
          </span>
        ) : null}
        {invoice.creditNote ? (
          <span>
            Voided by{" "}
            <Link className="text-brand-700 underline" href={`/billing/invoices/${invoice.creditNote.id}`}>
              {invoice.creditNote.number}
            </Link>
            ; what was paid on it went back to the patient's credit.
          </span>
        ) : null}
      </div>
      <Table caption="Invoice lines">
        <TableHead>
          <HeaderCell>Description</HeaderCell>
          <HeaderCell className="text-right">Qty</HeaderCell>
          <HeaderCell className="text-right">Unit price</HeaderCell>
          <HeaderCell className="text-right">Discount</HeaderCell>
          <HeaderCell>Tax</HeaderCell>
          <HeaderCell className="text-right">Total</HeaderCell>
          {draft && canEdit ? <HeaderCell>Change</HeaderCell> : null}
        </TableHead>
        <TableBody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <Cell>{line.description}</Cell>
              <Cell className="text-right tabular-nums">{line.quantity}</Cell>
              <Cell className="text-right tabular-nums">{money(line.unitPriceMinor)}</Cell>
              <Cell className="text-right tabular-nums">
                {line.discountMinor ? money(line.discountMinor) : "–"}
              </Cell>
              <Cell>{taxLabel(line)}</Cell>
              <Cell className="text-right tabular-nums">{money(line.totalMinor)}</Cell>
              {draft && canEdit ? (
                <Cell>
                  <RemoveLineButton lineId={line.id} />
                </Cell>
              ) : null}
            </tr>
          ))}
        </TableBody>
      </Table>
      <dl className="mt-4 ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{money(invoice.subtotalMinor)}</dd>
        <dt>Tax</dt>
        <dd className="text-right tabular-nums">{money(invoice.taxMinor)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{money(invoice.totalMinor)}</dd>
        {invoice.kind === "INVOICE" && !draft ? (
          <>
            <dt>Paid</dt>
            <dd className="text-right tabular-nums">{money(invoice.appliedMinor)}</dd>
            <dt className="font-semibold">Balance</dt>
            <dd className="text-right font-semibold tabular-nums">{money(invoice.balanceMinor)}</dd>
          </>
        ) : null}
      </dl>
      {draft && canEdit ? (
        <>
          <AddLineForm invoiceId={invoice.id} currency={invoice.currency} />
          <div className="mt-6">
            <IssueButton invoiceId={invoice.id} />
          </div>
        </>
      ) : null}
      {draft && !canEdit ? (
        <p className="mt-4 text-sm">Billing staff complete and issue this draft.</p>
      ) : null}
      {!draft && invoice.kind === "INVOICE" && !invoice.creditNote && canEdit ? (
        <VoidInvoiceForm invoiceId={invoice.id} />
      ) : null}
    </>
  );
}
