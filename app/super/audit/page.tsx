import type { Metadata } from "next";
import { type AuditRow, AuditTable } from "@/components/super/audit-table";
import { PageHeader } from "@/components/super/page-header";
import { PageLinks } from "@/components/super/page-links";
import { getCentralDb } from "@/lib/db/central";
import { findAuditEvents } from "@/lib/super/audit";
import { requireSuperAdminPage } from "@/lib/super/page-session";
import { pageNumberSchema } from "@/lib/validations/super";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireSuperAdminPage();
  const page = pageNumberSchema.parse((await searchParams).page);
  const { events, total, pages } = await findAuditEvents({ central: getCentralDb(), page });
  const rows: AuditRow[] = events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    actorEmail: event.actorEmail,
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
      <AuditTable events={rows} />
      <PageLinks
        label="Audit log pages"
        page={page}
        pages={pages}
        previousLabel="Newer"
        nextLabel="Older"
        href={(next) => (next > 1 ? `/super/audit?page=${next}` : "/super/audit")}
      />
    </>
  );
}

function formatDetails(details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}
