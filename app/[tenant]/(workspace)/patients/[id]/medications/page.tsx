import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { medicationItemsOf } from "@/components/clinical/medications/medication-items";
import { MedicationList } from "@/components/clinical/medications/medication-list";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findMedicationList } from "@/lib/clinical/medications/medication-list";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Medications" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type MedicationsPageProps = { params: Promise<{ tenant: string; id: string }> };

export default async function MedicationsPage({ params }: MedicationsPageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, list] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      findMedicationList({ db, patientId: id }),
    ]);
    await recordChartRead(db, session, { patientId: id, what: "medications" });
    return { patient, banner, list };
  });
  if (!data) notFound();
  const { patient, banner, list } = data;

  return (
    <PatientFrame
      patient={patient}
      banner={banner}
      role={role}
      timeZone={settings.timezone}
      current="medications"
    >
      <MedicationList
        patientId={patient.id}
        items={medicationItemsOf(list, settings.timezone)}
        canPrescribe={clinicRoleCan(role, "prescriptions.write")}
        canRecordReported={clinicRoleCan(role, "medications.recordReported")}
      />
    </PatientFrame>
  );
}
