import type { Metadata } from "next";
import Link from "next/link";
import { describeAuditEvent } from "@/components/clinic/audit-details";
import { AuditFilters } from "@/components/clinic/audit-filters";
import { AuditLog } from "@/components/clinic/audit-log";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { findAuditEvents, findAuditPeople, patientOfEvent } from "@/lib/clinic/audit";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { clinicAuditQuerySchema } from "@/lib/validations/audit";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "audit.view");
  if (!workspace) return null;
  const { clinic, settings } = workspace;
  const { page, ...filter } = parseSearchParams(clinicAuditQuerySchema, await searchParams);
  const timeZone = settings.timezone;
  const [log, people] = await withTenantDb(clinic.subdomain, (db) =>
    Promise.all([findAuditEvents({ db, page, filter }), findAuditPeople({ db })]),
  );
  const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone });
  const timeFormat = new Intl.DateTimeFormat("en-GB", {
    hour: settings.hour12 ? "numeric" : "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: settings.hour12 ? "h12" : "h23",
    timeZone,
  });
  const entries = log.events.map((event) => {
    const sentence = describeAuditEvent(event, log.names, timeZone, settings);
    const patientId = patientOfEvent(event, log.names);
    const patientName = patientId ? log.names.patients.get(patientId) : undefined;
    return {
      id: event.id,
      day: dayFormat.format(event.at),
      time: timeFormat.format(event.at),
      sentence,
      ip: event.ip,
      userAgent: event.userAgent,
      patient:
        patientId && patientName && patientId !== filter.patient
          ? { name: patientName, href: listHref("/audit", { ...filter, patient: patientId }) }
          : null,
    };
  });
  const filtered = Boolean(filter.person || filter.patient || filter.kind);
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what in the clinic: ${log.total.toLocaleString("en")} ${log.total === 1 ? "event" : "events"}${filtered ? (log.total === 1 ? " matches" : " match") : ""}, newest first; times in ${timeZone}.`}
      />
      <AuditFilters
        filter={filter}
        people={people}
        patientName={filter.patient ? (log.names.patients.get(filter.patient) ?? null) : null}
      />
      <AuditLog
        entries={entries}
        empty={
          filtered ? (
            <>
              Nothing matches these filters.{" "}
              <Link href="/audit" className="text-brand-700 underline">
                Show everything
              </Link>
            </>
          ) : (
            "Nothing has been recorded yet."
          )
        }
      />
      <LinkPager
        label="Audit log pages"
        page={log.page}
        pages={log.pages}
        previousLabel="Newer"
        nextLabel="Older"
        hrefFor={(target) => listHref("/audit", { ...filter, page: target })}
      />
    </>
  );
}
