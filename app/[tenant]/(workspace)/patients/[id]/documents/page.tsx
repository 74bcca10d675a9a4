import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { DocumentTable } from "@/components/clinical/records/document-table";
import { DocumentUploadForm } from "@/components/clinical/records/document-upload-form";
import { Notice } from "@/components/ui/notice";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import {
  findMaxUploadMb,
  findPatientDocuments,
  uploadableCategories,
  uploadPermissionOf,
} from "@/lib/clinical/documents";
import { findVisitChoices } from "@/lib/clinical/immunizations";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Documents" };

type Props = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DocumentsPage({ params, searchParams }: Props) {
  const workspace = await requireWorkspace(params, "documents.viewAdministrative");
  if (!workspace) return null;
  const { clinic, role, session, settings } = workspace;
  const { id } = await params;
  const showAll = (await searchParams).show === "all";
  const timeZone = settings.timezone;
  const categories = uploadableCategories(role);
  const seesClinical = clinicRoleCan(role, "chart.view");
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, documents, limitMb, visits] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      findPatientDocuments({ db, patientId: id, role, includeEnteredInError: showAll }),
      findMaxUploadMb(db),
      seesClinical && categories.length > 0 ? findVisitChoices({ db, patientId: id, timeZone }) : [],
    ]);
    await recordChartRead(db, session, { patientId: id, what: "documents" });
    return { patient, banner, documents, limitMb, visits };
  });
  if (!data) notFound();
  const { patient, banner, documents, limitMb, visits } = data;
  const rows = documents.map((document) => ({
    ...document,
    uploadedAtLabel: formatClinicDateTime(document.createdAt, timeZone, { hour12: settings.hour12 }),
    canMarkInError: clinicRoleCan(role, uploadPermissionOf(document.category)),
  }));
  const base = `/patients/${patient.id}/documents`;

  return (
    <PatientFrame patient={patient} banner={banner} role={role} timeZone={timeZone} current="documents">
      <section aria-labelledby="documents-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="documents-heading" className="text-lg font-semibold text-slate-900">
            Documents
          </h2>
          <Link
            href={showAll ? base : `${base}?show=all`}
            className="text-sm text-brand-700 underline-offset-2 hover:underline"
          >
            {showAll ? "Hide those entered in error" : "Show those entered in error too"}
          </Link>
        </div>
        {seesClinical ? null : (
          <Notice tone="info">
            Showing administrative documents only (ID, insurance cards, referral letters, consent forms):
            clinical documents are not shown to your role.
          </Notice>
        )}
        <DocumentTable patientId={patient.id} rows={rows} />
      </section>
      {categories.length > 0 ? (
        <section
          aria-labelledby="upload-heading"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        >
          <h2 id="upload-heading" className="text-lg font-semibold text-slate-900">
            Upload a document
          </h2>
          <DocumentUploadForm
            patientId={patient.id}
            categories={categories}
            visits={visits}
            limitMb={limitMb}
          />
        </section>
      ) : null}
    </PatientFrame>
  );
}
