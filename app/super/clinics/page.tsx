import type { Metadata } from "next";
import { type ClinicRow, ClinicsTable } from "@/components/super/clinics-table";
import { FilterLinks } from "@/components/ui/filter-links";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { formatStatus } from "@/components/ui/status-badge";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { ClinicStatus } from "@/lib/generated/central/enums";
import { type ClinicListFilter, findClinicsPage } from "@/lib/super/clinics";
import { findFleetStatus } from "@/lib/super/fleet";
import { subdomainReservationDays } from "@/lib/tenancy/clinic-claim";
import { PAGE_QUERY, parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { CLINIC_SORT_KEYS, clinicListSortSchema } from "@/lib/validations/super";

export const metadata: Metadata = { title: "Clinics" };

const FILTERS = [
  { value: undefined, label: "All" },
  { value: "attention", label: "Needs attention" },
  ...Object.values(ClinicStatus).map((status) => ({ value: status, label: formatStatus(status) })),
];

export default async function ClinicsPage({ searchParams }: SearchParamsProps) {
  await requirePlatformPage("clinics.viewAll");
  const params = await searchParams;
  const { page } = parseSearchParams(PAGE_QUERY, params);
  const filter: ClinicListFilter | undefined =
    params.status === "attention"
      ? "attention"
      : Object.values(ClinicStatus).find((value) => value === params.status);
  const sort = parseSearchParams(clinicListSortSchema, params);
  const central = getCentralDb();
  const [list, fleet] = await Promise.all([
    findClinicsPage({ central, page, filter, sort }),
    findFleetStatus({ central }),
  ]);
  const rows: ClinicRow[] = list.rows.map(({ size, lastMigrationAt, ...clinic }) => ({
    ...clinic,
    sizeBytes: size.bytes,
    sizeProblem: size.problem,
    lastMigrationAt: lastMigrationAt?.toISOString() ?? null,
  }));
  return (
    <>
      <PageHeader
        title="Clinics"
        description={`Every clinic on the platform (${list.total}), with its database's server, schema and size. Suspend stops a clinic at once; nothing here opens a clinic or its records.`}
      />
      <FilterLinks
        label="Clinic status"
        current={filter}
        options={FILTERS}
        href={(value) => listHref("/super/clinics", { status: value })}
      />
      <ClinicsTable
        clinics={rows}
        targetVersion={fleet.target}
        reservationDays={subdomainReservationDays()}
        sort={{ keys: CLINIC_SORT_KEYS, ...sort }}
      />
      <LinkPager
        label="Clinic pages"
        page={page}
        pages={list.pages}
        hrefFor={(next) => listHref("/super/clinics", { status: filter, sort, page: next })}
      />
    </>
  );
}
