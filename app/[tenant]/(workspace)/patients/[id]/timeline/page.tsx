import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { TimelineList } from "@/components/clinical/timeline/timeline-list";
import { KIND_FILTER_LABELS } from "@/components/clinical/timeline/timeline-summary";
import { buttonClasses } from "@/components/ui/button";
import { FilterLinks } from "@/components/ui/filter-links";
import { listHref } from "@/components/ui/list-href";
import { EmptyState } from "@/components/ui/table";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findTimeline } from "@/lib/clinical/timeline";
import {
  decodeTimelineCursor,
  encodeTimelineCursor,
  parseTimelineKinds,
  TIMELINE_KINDS,
} from "@/lib/clinical/timeline-entries";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Timeline" };

type TimelinePageProps = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TimelinePage({ params, searchParams }: TimelinePageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  const query = await searchParams;
  const kind = parseTimelineKinds(query.kind)[0];
  const showErrors = query.errors === "shown";
  const before = decodeTimelineCursor(query.before);
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, timeline] = await Promise.all([
      findAllergyBanner({ db, patientId: patient.id }),
      findTimeline({
        db,
        patientId: patient.id,
        kinds: kind ? [kind] : undefined,
        includeEnteredInError: showErrors,
        includeClinicalDocuments: clinicRoleCan(role, "chart.view"),
        before,
      }),
    ]);
    await recordChartRead(db, session, { patientId: patient.id, what: "timeline" });
    return { patient, banner, timeline };
  });
  if (!data) notFound();
  const { patient, banner, timeline } = data;
  const path = `/patients/${patient.id}/timeline`;
  const hrefOf = (changes: { kind?: string; errors?: string; before?: string }) =>
    listHref(path, { kind, errors: showErrors ? "shown" : undefined, ...changes });

  return (
    <PatientFrame
      patient={patient}
      banner={banner}
      role={role}
      timeZone={settings.timezone}
      current="timeline"
    >
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="timeline-heading" className="text-lg font-semibold text-slate-900">
            Timeline
          </h2>
          <Link
            href={hrefOf({ errors: showErrors ? undefined : "shown" })}
            className="text-sm text-brand-700 underline"
          >
            {showErrors ? "Hide entries entered in error" : "Show entries entered in error"}
          </Link>
        </div>
        <FilterLinks
          label="Show one kind of entry"
          current={kind}
          options={[
            { value: undefined, label: "Everything" },
            ...TIMELINE_KINDS.map((value) => ({ value, label: KIND_FILTER_LABELS[value] })),
          ]}
          href={(value) => hrefOf({ kind: value })}
        />
        <p className="text-sm text-slate-600">
          Newest first; times are the clinic&apos;s ({settings.timezone}).
          {before ? " Showing older entries." : ""}
        </p>
        {timeline.entries.length === 0 ? (
          <EmptyState>
            {before
              ? "Nothing older than this."
              : kind
                ? `No ${KIND_FILTER_LABELS[kind].toLowerCase()} for this patient yet.`
                : "Nothing in this patient's record yet. Visits, vitals, diagnoses, immunizations and documents appear here as they are recorded."}
          </EmptyState>
        ) : (
          <TimelineList entries={timeline.entries} timeZone={settings.timezone} hour12={settings.hour12} />
        )}
        {before || timeline.next ? (
          <nav aria-label="Timeline pages" className="flex items-center justify-between gap-3">
            {before ? (
              <Link href={hrefOf({})} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                Newest
              </Link>
            ) : (
              <span />
            )}
            {timeline.next ? (
              <Link
                href={hrefOf({ before: encodeTimelineCursor(timeline.next) })}
                rel="next"
                className={buttonClasses({ variant: "secondary", size: "sm" })}
              >
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </PatientFrame>
  );
}
