import type { Metadata } from "next";
import { OutstandingTable } from "@/components/billing/reports/outstanding-table";
import { FilterLinks } from "@/components/ui/filter-links";
import { LinkPager } from "@/components/ui/link-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { formatMoney } from "@/lib/billing/money-input";
import { findOutstandingBalances } from "@/lib/billing/reports/outstanding";
import { addDays } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { outstandingQuerySchema } from "@/lib/validations/billing-reports";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Outstanding balances" };

const PAGE_SIZE = 50;

const outstandingHref = (sort: string, page: number) =>
  `/billing/outstanding?sort=${sort}${page > 1 ? `&page=${page}` : ""}`;

export default async function OutstandingPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "billing.reports");
  if (!workspace) return null;
  const { settings } = workspace;
  const { sort, page } = parseSearchParams(outstandingQuerySchema, await searchParams);
  const result = await withTenantDb(workspace.clinic.subdomain, (db) =>
    findOutstandingBalances({ db, timeZone: settings.timezone, sort, page, pageSize: PAGE_SIZE }),
  );
  const money = (minor: number) => formatMoney(minor, settings.currency);
  const { totals } = result;
  const pages = Math.max(1, Math.ceil(result.patientCount / PAGE_SIZE));
  const statementFrom = addDays(result.today, -90);
  return (
    <>
      <PageHeader
        title="Outstanding balances"
        description={`${result.patientCount.toLocaleString("en")} ${result.patientCount === 1 ? "patient owes" : "patients owe"} ${money(totals.owedMinor)} on issued invoices, aged from each invoice's issue date (${settings.timezone}).`}
      />
      <dl className="mb-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {[
          ["0–30 days", totals.days0to30Minor],
          ["31–60 days", totals.days31to60Minor],
          ["61–90 days", totals.days61to90Minor],
          ["Over 90 days", totals.days91plusMinor],
        ].map(([label, minor]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{money(Number(minor))}</dd>
          </div>
        ))}
      </dl>
      <div className="mb-3">
        <FilterLinks
          label="Sort by"
          current={sort}
          options={[
            { value: "amount", label: "Largest first" },
            { value: "age", label: "Oldest first" },
          ]}
          href={(value) => outstandingHref(value ?? "amount", 1)}
        />
      </div>
      {result.rows.length === 0 ? (
        <EmptyState>
          Nobody owes anything on an issued invoice. Unpaid invoices will show here, oldest debts flagged.
        </EmptyState>
      ) : (
        <OutstandingTable
          rows={result.rows}
          currency={settings.currency}
          statementHref={(patientId) =>
            `/print/statements/${patientId}?from=${statementFrom}&to=${result.today}`
          }
        />
      )}
      <div className="mt-4">
        <LinkPager
          label="Outstanding balance pages"
          page={page}
          pages={pages}
          hrefFor={(target) => outstandingHref(sort, target)}
        />
      </div>
    </>
  );
}
