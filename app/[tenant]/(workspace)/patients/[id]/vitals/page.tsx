import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { clinicTimeFormat } from "@/components/clinic/clinic-time";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { VitalsCharts } from "@/components/clinical/vitals/vitals-charts";
import { VitalsForm } from "@/components/clinical/vitals/vitals-form";
import { VitalsTable } from "@/components/clinical/vitals/vitals-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { displayVitals } from "@/lib/clinical/vital-display";
import { findVitalsChartSeries } from "@/lib/clinical/vital-trends";
import { defaultVitalUnits, UNIT_LABELS } from "@/lib/clinical/vital-units";
import { findVitalsHistory, VITALS_HISTORY_LIMIT } from "@/lib/clinical/vitals-queries";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Vitals" };

type VitalsPageProps = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function VitalsPage({ params, searchParams }: VitalsPageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  // ?visit=<id> records the next set in that visit (the visit page's "Record vitals" link).
  const visitParam = z.uuid().safeParse((await searchParams).visit);
  const format = clinicTimeFormat(settings.timezone, settings);
  const canRecord = clinicRoleCan(role, "vitals.record");

  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, history, series, visit] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      findVitalsHistory({ db, patientId: id }),
      findVitalsChartSeries({ db, patientId: id, unitSystem: settings.unitSystem }),
      visitParam.success
        ? db.visit.findFirst({
            where: { id: visitParam.data, patientId: id },
            select: { id: true, startedAt: true },
          })
        : null,
    ]);
    await recordChartRead(db, session, { patientId: id, what: "vitals" });
    return { patient, banner, history, series, visit };
  });
  if (!data) notFound();
  const { patient, banner, history, series, visit } = data;
  const rows = history.map((row) => displayVitals(row, patient.dateOfBirth));
  const units = defaultVitalUnits(settings.unitSystem);

  return (
    <PatientFrame patient={patient} banner={banner} role={role} timeZone={settings.timezone} current="vitals">
      {canRecord ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Record vitals</CardTitle>
            <CardDescription>
              {visit
                ? `For the visit of ${format.dateTime(visit.startedAt)}. `
                : "Taken now, outside a visit. "}
              This clinic uses {UNIT_LABELS[units.height]}, {UNIT_LABELS[units.weight]} and{" "}
              {UNIT_LABELS[units.temperature]}; each can be switched beside its input.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <VitalsForm patientId={patient.id} visitId={visit?.id ?? null} unitSystem={settings.unitSystem} />
          </CardContent>
        </Card>
      ) : null}
      <section aria-labelledby="trends-heading" className="flex flex-col gap-3">
        <h2 id="trends-heading" className="text-lg font-semibold text-slate-900">
          Trends
        </h2>
        {series.length > 0 ? (
          <VitalsCharts series={series} timeZone={settings.timezone} hour12={settings.hour12} />
        ) : (
          <EmptyState>
            No vitals recorded yet.
            {canRecord ? " Record the first set above and the charts appear here." : ""}
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          All measurements
        </h2>
        <p className="text-sm text-slate-600">
          Newest first, as entered; ↑ and ↓ mark values outside the usual range for the patient&apos;s age
          then.
          {history.length >= VITALS_HISTORY_LIMIT ? ` Showing the latest ${VITALS_HISTORY_LIMIT}.` : ""}
        </p>
        <VitalsTable
          rows={rows}
          formatTakenAt={(at) => format.dateTime(at)}
          canMark={canRecord}
          caption="The patient's vitals, newest first"
          empty="No vitals recorded yet."
        />
      </section>
    </PatientFrame>
  );
}
