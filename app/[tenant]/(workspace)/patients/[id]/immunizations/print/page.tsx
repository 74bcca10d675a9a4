import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImmunizationRecord } from "@/components/clinical/records/immunization-record";
import { PrintButton } from "@/components/clinical/records/print-button";
import "@/components/clinical/records/printable-record.css";
import { isoDateOf } from "@/components/front-desk/patients/patient-format";
import { ButtonLink } from "@/components/ui/button";
import { findPatient } from "@/lib/clinic/patients";
import { localDateOf } from "@/lib/clinic/time";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findPatientImmunizations } from "@/lib/clinical/immunizations";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../../require-workspace";

export const metadata: Metadata = { title: "Immunization record" };

type Props = { params: Promise<{ tenant: string; id: string }> };

export default async function ImmunizationRecordPage({ params }: Props) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, session, settings } = workspace;
  const { id } = await params;
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const rows = await findPatientImmunizations({ db, patientId: id });
    await recordChartRead(db, session, { patientId: id, what: "immunization-record" });
    return { patient, rows };
  });
  if (!data) notFound();
  const { patient, rows } = data;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <ButtonLink href={`/patients/${patient.id}/immunizations`} variant="secondary">
          Back to immunizations
        </ButtonLink>
        <PrintButton label="Print record" />
      </div>
      <ImmunizationRecord
        clinicName={settings.name}
        patient={{
          name: `${patient.firstName} ${patient.lastName}`,
          mrn: patient.mrn,
          dateOfBirth: isoDateOf(patient.dateOfBirth),
        }}
        rows={[...rows].reverse()}
        printedOn={localDateOf(new Date(), settings.timezone)}
        printedBy={session.user.name}
      />
    </>
  );
}
