import { clinicTimeFormat } from "@/components/clinic/clinic-time";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { SavedClinicSettings } from "@/lib/clinic/settings";
import { displayVitals } from "@/lib/clinical/vital-display";
import { findVisitVitals } from "@/lib/clinical/vitals-queries";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { VitalsTable } from "./vitals-table";

/**
 * The vitals taken in one visit, for the visit page (which records its own chart read), with a
 * link to record a set in this visit for the roles that may.
 */
export async function VisitVitalsPanel({
  subdomain,
  patientId,
  visitId,
  role,
  settings,
}: {
  subdomain: string;
  patientId: string;
  visitId: string;
  role: StaffRole;
  settings: Pick<SavedClinicSettings, "timezone" | "hour12">;
}) {
  const loaded = await withTenantDb(subdomain, async (db) => {
    const patient = await db.patient.findUnique({ where: { id: patientId }, select: { dateOfBirth: true } });
    if (!patient) return null;
    return { patient, rows: await findVisitVitals({ db, patientId, visitId }) };
  });
  const format = clinicTimeFormat(settings.timezone, settings);
  const canRecord = clinicRoleCan(role, "vitals.record");
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle as="h2">Vitals in this visit</CardTitle>
        {canRecord && loaded ? (
          <ButtonLink href={`/patients/${patientId}/vitals?visit=${visitId}`} variant="secondary" size="sm">
            Record vitals for this visit
          </ButtonLink>
        ) : null}
      </CardHeader>
      <CardContent>
        <VitalsTable
          rows={(loaded?.rows ?? []).map((row) =>
            displayVitals(row, loaded?.patient.dateOfBirth ?? new Date(0)),
          )}
          formatTakenAt={(at) => format.dateTime(at)}
          canMark={false}
          caption="Vitals taken in this visit"
          empty="No vitals taken in this visit yet."
        />
      </CardContent>
    </Card>
  );
}
