import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceDateFilter } from "@/components/billing/invoices/invoice-date-filter";
import { INVOICE_STATE_LABEL, InvoiceStateBadge } from "@/components/billing/invoices/invoice-state-badge";
import { cn } from "@/components/ui/cn";
import { FilterLinks } from "@/components/ui/filter-links";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { findInvoices } from "@/lib/billing/invoices/find-invoices";
import { formatMoney } from "@/lib/billing/money-input";
import { formatClinicDay } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { INVOICE_STATES, invoiceListQuerySchema } from "@/lib/validations/invoices";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "billing.view");
  if (!workspace) return null;
  const { clinic, settings } = workspace;
  const query = parseSearchParams(invoiceListQuerySchema, await searchParams);
  const timeZone = settings.timezone;
  const list = await withTenantDb(clinic.subdomain, (db) => findInvoices(db, { ...query, timeZone }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const { page: _page, ...filter } = query;
  const filtered = Boolean(query.state || query.from || query.to);
  return (
    <>
      <PageHeader
        title="Invoices"
        description={`${list.total.toLocaleString("en")} ${list.total === 1 ? "invoice or credit note" : "invoices and credit notes"}${filtered ? " match" : ""}, newest first; a draft is made when a patient is checked in.`}
      />
      <div className="my-4 flex flex-col gap-3">
        <FilterLinks
          label="Invoice state"
          current={query.state}
          options={[
            { value: undefined, label: "All" },
            ...INVOICE_STATES.map((state) => ({ value: state, label: INVOICE_STATE_LABEL[state] })),
          ]}
          href={(state) => listHref("/billing", { ...filter, state, page: undefined })}
        />
        <InvoiceDateFilter from={query.from} to={query.to} state={query.state} />
      </div>
      <Table caption="Invoices and credit notes" stackOnPhone>
        <TableHead>
          <HeaderCell>Number</HeaderCell>
          <HeaderCell>Date</HeaderCell>
          <HeaderCell>Patient</HeaderCell>
          <HeaderCell>Bill to</HeaderCell>
          <HeaderCell className="text-right">Total</HeaderCell>
          <HeaderCell>State</HeaderCell>
          <HeaderCell className="text-right">Balance</HeaderCell>
        </TableHead>
        <TableBody>
          {list.rows.map((row) => (
            <tr key={row.id}>
              <Cell>
                <Link href={`/billing/invoices/${row.id}`} className="font-medium text-brand-700 underline">
                  {row.number ?? "Draft"}
                </Link>
              </Cell>
              <Cell className="whitespace-nowrap">{formatClinicDay(row.date, timeZone)}</Cell>
              <Cell>{row.patientName}</Cell>
              {/* On a phone a row is a card: who is billed only when it is not the patient, a balance only when due. */}
              <Cell className={row.billTo === row.patientName ? "max-sm:hidden" : undefined}>
                <span className="sm:hidden">Bill to </span>
                {row.billTo}
              </Cell>
              <Cell className="tabular-nums sm:text-right">
                <span className="sm:hidden">Total </span>
                {formatMoney(row.totalMinor, row.currency)}
              </Cell>
              <Cell>
                <InvoiceStateBadge state={row.state} />
              </Cell>
              <Cell className={cn("tabular-nums sm:text-right", row.balanceMinor === 0 && "max-sm:hidden")}>
                <span className="sm:hidden">Balance due </span>
                {formatMoney(row.balanceMinor, row.currency)}
              </Cell>
            </tr>
          ))}
        </TableBody>
      </Table>
      {list.rows.length === 0 ? (
        <EmptyState>
          {filtered
            ? "No invoice matches this filter: choose All, or Any date, to see every invoice."
            : "No invoices yet: checking a patient in at the front desk drafts their visit's invoice."}
        </EmptyState>
      ) : null}
      <LinkPager
        label="Invoice pages"
        page={query.page}
        pages={pages}
        previousLabel="Newer"
        nextLabel="Older"
        hrefFor={(target) => listHref("/billing", { ...filter, page: target })}
      />
    </>
  );
}
