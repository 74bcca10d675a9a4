import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { PatientSearch } from "@/components/front-desk/patients/patient-search";
import { PatientTable } from "@/components/front-desk/patients/patient-table";
import { ButtonLink } from "@/components/ui/button";
import { LinkPager } from "@/components/ui/link-pager";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatients } from "@/lib/clinic/patients";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { patientSearchSchema } from "@/lib/validations/patients";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Patients" };

type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PatientsPage({ params, searchParams }: TenantParams & SearchParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { clinic, role } = workspace;
  if (!clinicRoleCan(role, "patients.view"))
    return <AccessDenied area="Patients" roleLabel={STAFF_ROLE_LABELS[role]} />;
  const raw = await searchParams;
  const parsed = patientSearchSchema.safeParse({ query: first(raw.q), page: first(raw.page) });
  const { query, page } = parsed.success
    ? parsed.data
    : { query: first(raw.q)?.slice(0, 100) ?? "", page: 1 };
  const result = await withTenantDb(clinic.subdomain, (db) => findPatients({ db, query, page }));
  const hrefFor = (target: number) => `/patients?${new URLSearchParams({ q: query, page: String(target) })}`;
  const canRegister = clinicRoleCan(role, "patients.manage");

  return (
    <>
      <PageHeader
        title="Patients"
        description="The clinic's patient registry. Open a patient for their details and appointments."
        actions={canRegister ? <ButtonLink href="/patients/new">Register patient</ButtonLink> : null}
      />
      <PatientSearch query={query} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {query
          ? `${result.total.toLocaleString("en")} ${result.total === 1 ? "patient matches" : "patients match"} “${query}”.`
          : `${result.total.toLocaleString("en")} ${result.total === 1 ? "patient" : "patients"} registered.`}
      </p>
      {result.patients.length > 0 ? (
        <>
          <PatientTable patients={result.patients} />
          <LinkPager page={page} pages={result.pages} hrefFor={hrefFor} label="Patient pages" />
        </>
      ) : (
        <EmptyRegistry query={query} page={page} canRegister={canRegister} />
      )}
    </>
  );
}

function EmptyRegistry({ query, page, canRegister }: { query: string; page: number; canRegister: boolean }) {
  let text = "No patient is registered yet.";
  if (page > 1) text = "There is nothing on this page.";
  else if (query)
    text =
      "No patient matches. Check the spelling, try fewer words, the record number (P-000123), the phone number or the date of birth as YYYY-MM-DD.";
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">
      <p>{text}</p>
      {page > 1 ? (
        <ButtonLink href={`/patients?${new URLSearchParams({ q: query })}`} variant="secondary" size="sm">
          Back to the first page
        </ButtonLink>
      ) : canRegister ? (
        <ButtonLink href="/patients/new" variant="secondary" size="sm">
          Register a patient
        </ButtonLink>
      ) : null}
    </div>
  );
}
