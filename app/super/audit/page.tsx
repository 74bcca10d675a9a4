import type { Metadata } from "next";
import { type AuditRow, AuditTable } from "@/components/super/audit-table";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { findAuditEvents } from "@/lib/super/audit";
import { PAGE_QUERY, parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { PLATFORM_AUDIT_SORT_KEYS, platformAuditSortSchema } from "@/lib/validations/super";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: SearchParamsProps) {
  await requirePlatformPage("audit.viewAll");
  const params = await searchParams;
  const { page } = parseSearchParams(PAGE_QUERY, params);
  const sort = parseSearchParams(platformAuditSortSchema, params);
  const { events, total, pages } = await findAuditEvents({ central: getCentralDb(), page, sort });
  const newestFirst = sort.key === "at" && sort.desc;
  const rows: AuditRow[] = events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    who: event.actorEmail ?? operatorOf(event.details),
    action: event.action,
    target: event.targetType ? { type: event.targetType, id: event.targetId } : null,
    ip: event.ip,
    userAgent: event.userAgent,
    details: formatDetails(event.details),
  }));
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what on the platform, newest first (${total} events): sign-ins, account changes and every super-admin and clinic-admin action. Clinics keep their own logs of what happens inside them.`}
      />
      <AuditTable events={rows} sort={{ keys: PLATFORM_AUDIT_SORT_KEYS, ...sort }} />
      <LinkPager
        label="Audit log pages"
        page={page}
        pages={pages}
        previousLabel={newestFirst ? "Newer" : "Previous"}
        nextLabel={newestFirst ? "Older" : "Next"}
        hrefFor={(next) => listHref("/super/audit", { sort, page: next })}
      />
    </>
  );
}

/** A row written from a server's command line names its operator (the account, and the machine) in its details. */
function operatorOf(details: unknown): string | null {
  const operator = details && typeof details === "object" && "operator" in details ? details.operator : null;
  return typeof operator === "string" ? `${operator} (command line)` : null;
}

function formatDetails(details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}
