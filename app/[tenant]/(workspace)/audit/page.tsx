import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { describeAuditDetails } from "@/components/clinic/audit-details";
import { AuditLog } from "@/components/clinic/audit-log";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findAuditEvents } from "@/lib/clinic/audit";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  params,
  searchParams,
}: TenantParams & { searchParams: Promise<{ page?: string | string[] }> }) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { clinic, role, settings } = workspace;
  if (!clinicRoleCan(role, "audit.view"))
    return <AccessDenied area="the audit log" roleLabel={STAFF_ROLE_LABELS[role]} />;
  const requested = Number((await searchParams).page ?? 1);
  const log = await withTenantDb(clinic.subdomain, (db) => findAuditEvents({ db, page: requested }));
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
  return (
    <AuditLog rows={rows} page={log.page} pages={log.pages} total={log.total} timezone={settings.timezone} />
  );
}
