import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddFreeLineButton } from "@/components/billing/invoices/add-free-line-dialog";
import { AddItemLineForm } from "@/components/billing/invoices/add-item-line-form";
import { BillToForm } from "@/components/billing/invoices/bill-to-form";
import { BillToSummary } from "@/components/billing/invoices/bill-to-summary";
import { IssueButton } from "@/components/billing/invoices/draft-actions";
import { InvoiceLinesTable } from "@/components/billing/invoices/invoice-lines-table";
import { InvoiceMoneyActions } from "@/components/billing/invoices/invoice-money-actions";
import { InvoicePayments } from "@/components/billing/invoices/invoice-payments";
import { InvoiceStateBadge } from "@/components/billing/invoices/invoice-state-badge";
import { InvoiceTotals } from "@/components/billing/invoices/invoice-totals";
import { priceListChoices } from "@/components/billing/invoices/price-list-choices";
import { VoidInvoiceForm } from "@/components/billing/invoices/void-invoice-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findInvoice } from "@/lib/billing/invoices/find-invoice";
import { findPriceList } from "@/lib/billing/price-list/find-price-list";
import { formatClinicDay } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Invoice" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InvoicePage({ params }: TenantParams & { params: Promise<{ id: string }> }) {
  const workspace = await requireWorkspace(params, "billing.view");
  if (!workspace) return null;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { role } = workspace;
  const canEdit = clinicRoleCan(role, "invoices.manage");
  const found = await withTenantDb(workspace.clinic.subdomain, async (db) => {
    const invoice = await findInvoice(db, id);
    const priceList = invoice?.status === "DRAFT" && canEdit ? await findPriceList({ db }) : null;
    return invoice ? { invoice, priceList } : null;
  });
  if (!found) notFound();
  const { invoice, priceList } = found;
  const timeZone = workspace.settings.timezone;
  const draft = invoice.status === "DRAFT";
  const isInvoice = invoice.kind === "INVOICE";
  const voided = invoice.creditNote !== null;
  const editable = draft && canEdit;
  const canTake = clinicRoleCan(role, "payments.take") && isInvoice && !voided;
  // A draft is paid as it stands (which issues it), so only once it has something to pay.
  const takesMoney = canTake && (!draft || invoice.totalMinor > 0);
  const patientName = `${invoice.patient.firstName} ${invoice.patient.lastName}`;
  const title =
    invoice.kind === "CREDIT_NOTE" ? `Credit note ${invoice.number}` : (invoice.number ?? "Draft invoice");
  const formatDay = (at: Date) => formatClinicDay(at, timeZone);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={
          <>
            <Link className="text-brand-700 underline" href={`/patients/${invoice.patient.id}`}>
              {patientName}
            </Link>
            {` · ${invoice.location.name} · ${draft ? "drafted" : "issued"} ${formatDay(invoice.issuedAt ?? invoice.createdAt)}`}
          </>
        }
        actions={
          draft ? null : (
            <a
              className={buttonClasses({ variant: "secondary" })}
              href={`/print/invoices/${invoice.id}`}
              target="_blank"
              rel="noreferrer"
            >
              Download PDF
            </a>
          )
        }
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <InvoiceStateBadge state={invoice.state} />
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
            {invoice.creditNote.note ? ` (${invoice.creditNote.note})` : ""}; what was paid on it went back to
            the patient&apos;s credit.
          </span>
        ) : null}
      </div>
      {editable ? null : <BillToSummary invoice={invoice} />}
      <InvoiceLinesTable lines={invoice.lines} currency={invoice.currency} editable={editable} />
      <InvoiceTotals invoice={invoice} />
      {editable && priceList ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Add a line</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <AddItemLineForm
                invoiceId={invoice.id}
                currency={invoice.currency}
                choices={priceListChoices(priceList)}
              />
              <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4 text-sm text-slate-600">
                <span>Not on the price list?</span>
                <AddFreeLineButton invoiceId={invoice.id} currency={invoice.currency} />
              </div>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Bill to</CardTitle>
            </CardHeader>
            <CardContent>
              <BillToForm
                invoiceId={invoice.id}
                patientName={patientName}
                current={{
                  billTo: invoice.billTo,
                  name: invoice.billToName ?? "",
                  address: invoice.billToAddress ?? "",
                  reference: invoice.billToReference ?? "",
                }}
              />
            </CardContent>
          </Card>
        </div>
      ) : null}
      {editable ? (
        <p className="text-sm text-slate-600">
          Issuing gives it its number and fixes its content; after that it is voided, never edited. Taking a
          payment issues it too.
        </p>
      ) : null}
      {editable || takesMoney ? (
        <div className="flex flex-wrap items-center gap-2">
          {editable ? <IssueButton invoiceId={invoice.id} /> : null}
          {takesMoney ? (
            <InvoiceMoneyActions
              invoice={{
                invoiceId: invoice.id,
                number: invoice.number,
                draft,
                dueMinor: draft ? invoice.totalMinor : invoice.balanceMinor,
              }}
              patientName={patientName}
              currency={invoice.currency}
              creditMinor={invoice.patientCreditMinor}
            />
          ) : null}
        </div>
      ) : null}
      {draft && !canEdit ? (
        <p className="text-sm text-slate-600">
          Billing staff complete and issue this draft
          {canTake ? "; taking a payment issues it as it stands" : ""}.
        </p>
      ) : null}
      {isInvoice && !draft ? (
        <InvoicePayments
          payments={invoice.payments}
          refunds={invoice.refunds}
          currency={invoice.currency}
          formatDay={formatDay}
          canRefund={clinicRoleCan(role, "payments.refund")}
        />
      ) : null}
      {isInvoice && !draft && !voided && canEdit ? <VoidInvoiceForm invoiceId={invoice.id} /> : null}
    </div>
  );
}
