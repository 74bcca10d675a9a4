import type { Metadata } from "next";
import { describeAuditDetails } from "@/components/clinic/audit-details";
import { AuditLog } from "@/components/clinic/audit-log";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { findAuditEvents } from "@/lib/clinic/audit";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { CLINIC_AUDIT_SORT_KEYS, clinicAuditSortSchema } from "@/lib/validations/audit";
import { PAGE_QUERY, parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "audit.view");
  if (!workspace) return null;
  const { clinic, settings } = workspace;
  const raw = await searchParams;
  const { page } = parseSearchParams(PAGE_QUERY, raw);
  const sort = parseSearchParams(clinicAuditSortSchema, raw);
  const log = await withTenantDb(clinic.subdomain, (db) => findAuditEvents({ db, page, sort }));
  const rows = log.events.map((event) => ({
    id: event.id,
    at: formatClinicDateTime(event.at, settings.timezone, { seconds: true }),
    action: event.action,
    who: event.actorName ?? event.actorEmail ?? "Unknown",
    whoEmail: event.actorName ? event.actorEmail : null,
    details: describeAuditDetails(event.details),
    ip: event.ip,
    userAgent: event.userAgent,
  }));
  const newestFirst = sort.key === "at" && sort.desc;
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`${log.total} ${log.total === 1 ? "event" : "events"}${newestFirst ? ", newest first" : ""}; times in ${settings.timezone}.`}
      />
      <AuditLog rows={rows} sort={{ keys: CLINIC_AUDIT_SORT_KEYS, ...sort }} />
      <LinkPager
        label="Audit log pages"
        page={log.page}
        pages={log.pages}
        previousLabel={newestFirst ? "Newer" : "Previous"}
        nextLabel={newestFirst ? "Older" : "Next"}
        hrefFor={(page) => listHref("/audit", { sort, page })}
      />
    </>
  );
}
