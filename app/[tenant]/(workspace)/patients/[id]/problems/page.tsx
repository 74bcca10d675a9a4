import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddDiagnosisForm } from "@/components/clinical/lists/add-diagnosis-form";
import { AllergiesCard } from "@/components/clinical/lists/allergies-card";
import { diagnosisItemsOf } from "@/components/clinical/lists/diagnosis-items";
import { DiagnosisList } from "@/components/clinical/lists/problem-list";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findPatientAllergies } from "@/lib/clinical/allergies";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findProblemList } from "@/lib/clinical/diagnoses";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Allergies and problems" };

type ProblemsPageProps = { params: Promise<{ tenant: string; id: string }> };

export default async function ProblemsPage({ params }: ProblemsPageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, allergies, problems] = await Promise.all([
      findAllergyBanner({ db, patientId: id }),
      findPatientAllergies({ db, patientId: id }),
      findProblemList({ db, patientId: id }),
    ]);
    await recordChartRead(db, session, { patientId: id, what: "allergies-problems" });
    return { patient, banner, allergies, problems };
  });
  if (!data) notFound();
  const { patient, banner, allergies, problems } = data;
  const canDiagnose = clinicRoleCan(role, "diagnoses.manage");

  return (
    <PatientFrame
      patient={patient}
      banner={banner}
      role={role}
      timeZone={settings.timezone}
      current="problems"
    >
      <div className="flex flex-col gap-6">
        <AllergiesCard
          patientId={patient.id}
          allergies={allergies}
          noneKnown={banner.state === "none-known"}
          canManage={clinicRoleCan(role, "allergies.manage")}
        />
        <Card>
          <CardHeader>
            <CardTitle as="h2">Problem list</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <DiagnosisList
              items={diagnosisItemsOf(problems, settings.timezone)}
              canManage={canDiagnose}
              label="Problem list"
              empty={
                canDiagnose
                  ? "No problems listed. Search ICD-10-CM below to add one."
                  : "No problems listed. A doctor adds problems from a visit or here."
              }
            />
            {canDiagnose ? (
              <section
                aria-labelledby="add-problem-heading"
                className="flex flex-col gap-3 border-t border-slate-200 pt-4"
              >
                <h3 id="add-problem-heading" className="text-base font-semibold text-slate-900">
                  Add a problem
                </h3>
                <AddDiagnosisForm patientId={patient.id} />
              </section>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </PatientFrame>
  );
}
