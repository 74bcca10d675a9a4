import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findClinicSettings } from "@/lib/clinic/settings";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { findVisitDiagnoses } from "@/lib/clinical/diagnoses";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { AddDiagnosisForm } from "./add-diagnosis-form";
import { diagnosisItemsOf } from "./diagnosis-items";
import { DiagnosisList } from "./problem-list";
import { RecordAllergyButton } from "./record-allergy-button";

/**
 * For the visit page: this visit's diagnoses with the ICD-10-CM search to add one (doctors), and
 * the patient's active allergies with a quick "Record allergy" (doctors and nurses). The page that
 * embeds it records the chart read; roles without chart.view see nothing here.
 */
export async function VisitDiagnosesPanel({
  subdomain,
  patientId,
  visitId,
  role,
}: {
  subdomain: string;
  patientId: string;
  visitId: string;
  role: StaffRole;
}) {
  if (!clinicRoleCan(role, "chart.view")) return null;
  const { diagnoses, banner, timeZone } = await withTenantDb(subdomain, async (db) => {
    const [diagnoses, banner, settings] = await Promise.all([
      findVisitDiagnoses({ db, patientId, visitId }),
      findAllergyBanner({ db, patientId }),
      findClinicSettings({ db }),
    ]);
    return { diagnoses, banner, timeZone: settings.timezone };
  });
  const canDiagnose = clinicRoleCan(role, "diagnoses.manage");
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Diagnoses</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <DiagnosisList
            items={diagnosisItemsOf(diagnoses, timeZone)}
            canManage={canDiagnose}
            label="This visit's diagnoses"
            empty="No diagnosis recorded on this visit yet."
          />
          {canDiagnose ? <AddDiagnosisForm patientId={patientId} visitId={visitId} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex-row items-center justify-between gap-3">
          <CardTitle as="h2">Allergies</CardTitle>
          {clinicRoleCan(role, "allergies.manage") ? <RecordAllergyButton patientId={patientId} /> : null}
        </CardHeader>
        <CardContent>
          {banner.state === "listed" ? (
            <ul className="flex flex-col gap-1 text-sm">
              {banner.allergies.map((allergy) => (
                <li key={allergy.id} className="text-red-900">
                  <span className="font-semibold">{allergy.substance}</span>
                  {allergy.severity ? ` (${allergy.severity.toLowerCase()})` : ""}
                  {allergy.confirmed ? "" : ", unconfirmed"}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">
              {banner.state === "none-known"
                ? "No known allergies (recorded)."
                : "Allergies not yet recorded: ask the patient."}
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
