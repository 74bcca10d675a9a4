import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findVisitPrescriptions } from "@/lib/clinical/prescriptions/prescription-queries";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { NewPrescriptionButton } from "./new-prescription-button";
import { PrescriptionStatusBadge } from "./prescription-view";

const titleOf = (line: { medicationName: string; strength: string | null; doseForm: string | null }) =>
  [line.medicationName, line.strength, line.doseForm].filter(Boolean).join(" ");

/**
 * For the visit page: the visit's prescriptions (number or "Draft", status, medicines), each
 * opening its page, and "New prescription" for a doctor. The page records the chart read.
 */
export async function VisitPrescriptionsPanel({
  subdomain,
  visitId,
  role,
}: {
  subdomain: string;
  visitId: string;
  role: StaffRole;
}) {
  if (!clinicRoleCan(role, "chart.view")) return null;
  const prescriptions = await withTenantDb(subdomain, (db) => findVisitPrescriptions({ db, visitId }));
  const canWrite = clinicRoleCan(role, "prescriptions.write");
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-3">
        <CardTitle as="h2">Prescriptions</CardTitle>
        {canWrite ? <NewPrescriptionButton visitId={visitId} /> : null}
      </CardHeader>
      <CardContent>
        {prescriptions.length === 0 ? (
          <p className="text-sm text-slate-600">
            {canWrite
              ? "No prescription on this visit yet. Start one above."
              : "No prescription on this visit."}
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {prescriptions.map((prescription) => (
              <li key={prescription.id} className="py-2 first:pt-0 last:pb-0">
                <Link
                  href={`/prescriptions/${prescription.id}`}
                  className="flex flex-col gap-1 rounded-md text-sm hover:bg-slate-50"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-mono font-semibold text-brand-700 underline">
                      {prescription.number ?? "Draft"}
                    </span>
                    <PrescriptionStatusBadge status={prescription.status} />
                    <span className="text-slate-600">{prescription.prescriber.name}</span>
                  </span>
                  <span className="text-slate-800">
                    {prescription.lines.length === 0
                      ? "No medicine yet"
                      : prescription.lines.map(titleOf).join(", ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
