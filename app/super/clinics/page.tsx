import type { Metadata } from "next";
import { type ClinicRow, ClinicsTable } from "@/components/super/clinics-table";
import { PageHeader } from "@/components/super/page-header";
import { PageLinks } from "@/components/super/page-links";
import { StatusFilter } from "@/components/super/status-filter";
import { runResumeClinic } from "@/lib/actions/super/resume-clinic";
import { runSuspendClinic } from "@/lib/actions/super/suspend-clinic";
import { getCentralDb } from "@/lib/db/central";
import { ClinicStatus } from "@/lib/generated/central/enums";
import { findClinicsPage } from "@/lib/super/clinics";
import { findFleetStatus } from "@/lib/super/fleet";
import { requireSuperAdminPage } from "@/lib/super/page-session";
import { pageNumberSchema } from "@/lib/validations/super";

export const metadata: Metadata = { title: "Clinics" };

const FILTERS = [
  { value: undefined, label: "All" },
  ...Object.values(ClinicStatus).map((status) => ({
    value: status,
    label: status.charAt(0) + status.slice(1).toLowerCase(),
  })),
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClinicsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireSuperAdminPage();
  const params = await searchParams;
  const page = pageNumberSchema.parse(params.page);
  const status = Object.values(ClinicStatus).find((value) => value === params.status);
  const central = getCentralDb();
  const [list, fleet] = await Promise.all([
    findClinicsPage({ central, page, status }),
    findFleetStatus({ central }),
  ]);
  const rows: ClinicRow[] = list.rows.map(({ size, lastMigrationAt, ...clinic }) => ({
    ...clinic,
    sizeBytes: size.bytes,
    sizeProblem: size.problem,
    lastMigrationAt: lastMigrationAt?.toISOString() ?? null,
  }));
  const href = (next: { page?: number; status?: string }) => {
    const query = new URLSearchParams();
    if (next.status) query.set("status", next.status);
    if (next.page && next.page > 1) query.set("page", String(next.page));
    return `/super/clinics${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Clinics"
        description={`Every clinic on the platform (${list.total}), with its database's server, schema and size. Suspend stops a clinic at once; nothing here opens a clinic or its records.`}
      />
      <StatusFilter
        label="Clinic status"
        current={status}
        options={FILTERS}
        href={(value) => href({ status: value })}
      />
      <ClinicsTable
        clinics={rows}
        targetVersion={fleet.target}
        actions={{ suspend: runSuspendClinic, resume: runResumeClinic }}
      />
      <PageLinks
        label="Clinic pages"
        page={page}
        pages={list.pages}
        href={(next) => href({ page: next, status })}
      />
    </>
  );
}
