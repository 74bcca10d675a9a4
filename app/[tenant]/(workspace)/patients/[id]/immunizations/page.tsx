import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { ImmunizationForm } from "@/components/clinical/records/immunization-form";
import { ImmunizationTable } from "@/components/clinical/records/immunization-table";
import { ButtonLink } from "@/components/ui/button";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { localDateOf } from "@/lib/clinic/time";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findPatientImmunizations, findVaccinators, findVisitChoices } from "@/lib/clinical/immunizations";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Immunizations" };

type Props = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ImmunizationsPage({ params, searchParams }: Props) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, session, settings } = workspace;
  const { id } = await params;
  const showAll = (await searchParams).show === "all";
  const canManage = clinicRoleCan(role, "immunizations.manage");
  const timeZone = settings.timezone;
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, rows, vaccinators, visits] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      findPatientImmunizations({ db, patientId: id, includeEnteredInError: showAll }),
      canManage ? findVaccinators(db) : [],
      canManage ? findVisitChoices({ db, patientId: id, timeZone }) : [],
    ]);
    await recordChartRead(db, session, { patientId: id, what: "immunizations" });
    return { patient, banner, rows, vaccinators, visits };
  });
  if (!data) notFound();
  const { patient, banner, rows, vaccinators, visits } = data;
  const ownId = vaccinators.some((member) => member.id === session.user.id) ? session.user.id : "";

  return (
    <PatientFrame
      patient={patient}
      banner={banner}
      role={role}
      timeZone={timeZone}
      current="immunizations"
      actions={
        <ButtonLink href={`/patients/${patient.id}/immunizations/print`} variant="secondary">
          Printable record
        </ButtonLink>
      }
    >
      <section aria-labelledby="immunizations-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="immunizations-heading" className="text-lg font-semibold text-slate-900">
            Immunizations
          </h2>
          <Link
            href={
              showAll
                ? `/patients/${patient.id}/immunizations`
                : `/patients/${patient.id}/immunizations?show=all`
            }
            className="text-sm text-brand-700 underline-offset-2 hover:underline"
          >
            {showAll ? "Hide those entered in error" : "Show those entered in error too"}
          </Link>
        </div>
        <ImmunizationTable rows={rows} canManage={canManage} />
      </section>
      {canManage ? (
        <section
          aria-labelledby="record-immunization-heading"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        >
          <h2 id="record-immunization-heading" className="text-lg font-semibold text-slate-900">
            Record an immunization
          </h2>
          <ImmunizationForm
            patientId={patient.id}
            today={localDateOf(new Date(), timeZone)}
            vaccinators={vaccinators.map((member) => ({ value: member.id, label: member.name }))}
            visits={visits}
            defaultGivenById={ownId}
          />
        </section>
      ) : null}
    </PatientFrame>
  );
}
