import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { VisitsTable } from "@/components/clinical/timeline/visits-table";
import { LinkPager } from "@/components/ui/link-pager";
import { listHref } from "@/components/ui/list-href";
import { EmptyState } from "@/components/ui/table";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findVisitsWithCodes, findVisitsWithNotes } from "@/lib/clinical/visit-list";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Visits" };

type VisitsPageProps = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A patient's visits: billing sees dates, doctors and codes; readers of the chart the reason and notes too. */
export default async function VisitsPage({ params, searchParams }: VisitsPageProps) {
  const workspace = await requireWorkspace(params, "visits.codes");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  const page = Number((await searchParams).page) || 1;
  const clinical = clinicRoleCan(role, "chart.view");
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, list] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: patient.id }) : null,
      clinical
        ? findVisitsWithNotes({ db, patientId: patient.id, page })
        : findVisitsWithCodes({ db, patientId: patient.id, page }),
    ]);
    await recordChartRead(db, session, { patientId: patient.id, what: "visits" });
    return { patient, banner, list };
  });
  if (!data) notFound();
  const { patient, banner, list } = data;

  return (
    <PatientFrame patient={patient} banner={banner} role={role} timeZone={settings.timezone} current="visits">
      <section aria-labelledby="visits-heading" className="flex flex-col gap-3">
        <h2 id="visits-heading" className="text-lg font-semibold text-slate-900">
          Visits
        </h2>
        <p className="text-sm text-slate-600">
          Newest first; times are the clinic&apos;s ({settings.timezone}).{" "}
          {clinical
            ? "Open a visit to read or write its notes."
            : "Dates and diagnosis codes for statements; notes are for clinicians only."}
        </p>
        {list.visits.length === 0 ? (
          <EmptyState>No visits yet. A visit starts when a doctor sees the patient.</EmptyState>
        ) : (
          <VisitsTable visits={list.visits} timeZone={settings.timezone} hour12={settings.hour12} />
        )}
        <LinkPager
          label="Visit pages"
          page={list.page}
          pages={list.pages}
          hrefFor={(target) => listHref(`/patients/${patient.id}/visits`, { page: target })}
          previousLabel="Newer"
          nextLabel="Older"
        />
      </section>
    </PatientFrame>
  );
}
