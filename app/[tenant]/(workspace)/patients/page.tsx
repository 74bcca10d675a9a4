import type { Metadata } from "next";
import { PatientSearch } from "@/components/front-desk/patients/patient-search";
import { PatientTable } from "@/components/front-desk/patients/patient-table";
import { ButtonLink } from "@/components/ui/button";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatients } from "@/lib/clinic/patients";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import {
  PATIENT_SORT_KEYS,
  patientListSortSchema,
  patientSearchQuerySchema,
} from "@/lib/validations/patients";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "patients.view");
  if (!workspace) return null;
  const { clinic, role } = workspace;
  const raw = await searchParams;
  const { q: query, page } = parseSearchParams(patientSearchQuerySchema, raw);
  const sort = parseSearchParams(patientListSortSchema, raw);
  const result = await withTenantDb(clinic.subdomain, (db) => findPatients({ db, query, page, sort }));
  const canRegister = clinicRoleCan(role, "patients.manage");

  return (
    <>
      <PageHeader
        title="Patients"
        description="The clinic's patient registry. Open a patient for their details and appointments."
        actions={canRegister ? <ButtonLink href="/patients/new">Register patient</ButtonLink> : null}
      />
      <PatientSearch key={query} query={query} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {query
          ? `${result.total.toLocaleString("en")} ${result.total === 1 ? "patient matches" : "patients match"} “${query}”.`
          : `${result.total.toLocaleString("en")} ${result.total === 1 ? "patient" : "patients"} registered.`}
      </p>
      {result.patients.length > 0 ? (
        <>
          <PatientTable patients={result.patients} sort={{ keys: PATIENT_SORT_KEYS, ...sort }} />
          <LinkPager
            page={page}
            pages={result.pages}
            hrefFor={(target) => listHref("/patients", { q: query, sort, page: target })}
            label="Patient pages"
          />
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
        <ButtonLink href={listHref("/patients", { q: query })} variant="secondary" size="sm">
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
