import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { VisitLettersPanel } from "@/components/clinical/letters/visit-letters-panel";
import { VisitDiagnosesPanel } from "@/components/clinical/lists/visit-diagnoses-panel";
import { NewNoteButtons } from "@/components/clinical/notes/new-note-buttons";
import { AddAddendum, MarkEnteredInError } from "@/components/clinical/notes/note-corrections";
import { NoteEditor } from "@/components/clinical/notes/note-editor";
import { NoteView } from "@/components/clinical/notes/note-view";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { VisitPrescriptionsPanel } from "@/components/clinical/prescriptions/visit-prescriptions-panel";
import { VisitVitalsPanel } from "@/components/clinical/vitals/visit-vitals-panel";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { formatClinicDay } from "@/lib/clinic/time";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findTemplates } from "@/lib/clinical/templates";
import { findVisit, type VisitNote } from "@/lib/clinical/visits";
import type { NoteKind, StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { NURSING_NOTE_KINDS } from "@/lib/validations/notes";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Visit" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type VisitPageProps = {
  params: Promise<{ tenant: string; visitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function VisitPage({ params, searchParams }: VisitPageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, session, settings } = workspace;
  const { visitId } = await params;
  if (!UUID.test(visitId)) notFound();
  const showAll = (await searchParams).show === "all";
  const me = session.user.id;
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const found = await findVisit({ db, visitId });
    if (!found) return null;
    const patientId = found.visit.patientId;
    const [banner, templates] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId }) : null,
      findTemplates({ db, ownerId: me }),
      recordChartRead(db, session, { patientId, what: "visit", itemId: visitId }),
    ]);
    return { ...found, banner, templates };
  });
  if (!data) notFound();
  const { visit, staffNames, banner, templates } = data;
  const timeZone = settings.timezone;
  const hour12 = settings.hour12;
  const hidden = visit.notes.filter((note) => note.status === "ENTERED_IN_ERROR");
  const shown = showAll ? visit.notes : visit.notes.filter((note) => note.status !== "ENTERED_IN_ERROR");
  const canWrite = (kind: NoteKind) =>
    clinicRoleCan(role, kind === "SOAP" ? "notes.write" : "nursingNotes.write");
  const ownDraft = (note: VisitNote) =>
    note.status === "DRAFT" && note.author.id === me && canWrite(note.kind);

  return (
    <PatientFrame
      patient={visit.patient}
      banner={banner}
      role={role}
      timeZone={timeZone}
      title={`Visit ${formatClinicDay(visit.startedAt, timeZone)}`}
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <dt className="text-slate-600">Reason</dt>
            <dd className="font-medium text-slate-900">{visit.reason}</dd>
            <dt className="text-slate-600">Doctor</dt>
            <dd>{visit.doctor.name}</dd>
            <dt className="text-slate-600">Location</dt>
            <dd>{visit.location.name}</dd>
            <dt className="text-slate-600">Started</dt>
            <dd>{formatClinicDateTime(visit.startedAt, timeZone, { hour12 })}</dd>
            <dt className="text-slate-600">Booked</dt>
            <dd>
              {visit.appointment
                ? `Appointment at ${formatClinicDateTime(visit.appointment.startsAt, timeZone, { hour12 })}`
                : "Walk-in"}
            </dd>
          </dl>
          {clinicRoleCan(role, "summaries.print") ? (
            <a
              href={`/print/visits/${visit.id}`}
              target="_blank"
              rel="noopener"
              className="self-start text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              Print visit summary
            </a>
          ) : null}
          <section aria-labelledby="notes-heading" className="flex flex-col gap-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="notes-heading" className="text-lg font-semibold text-slate-900">
                Notes
              </h2>
              <NewNoteButtons visitId={visit.id} kinds={newNoteKinds(role, visit.notes, me)} />
            </div>
            {shown.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
                {clinicRoleCan(role, "nursingNotes.write")
                  ? "No notes yet. Start one above; it saves itself as you type."
                  : "No notes yet."}
              </p>
            ) : null}
            {shown.map((note) => (
              <NoteView
                key={note.id}
                note={note}
                staffNames={staffNames}
                timeZone={timeZone}
                hour12={hour12}
                editor={
                  ownDraft(note) ? (
                    <NoteEditor
                      note={{
                        id: note.id,
                        kind: note.kind,
                        revision: note.revision,
                        savedAt: note.updatedAt,
                        values: {
                          subjective: note.subjective,
                          objective: note.objective,
                          assessment: note.assessment,
                          plan: note.plan,
                          body: note.body,
                        },
                      }}
                      timeZone={timeZone}
                      templates={templates.filter((template) => template.kind === "TEMPLATE")}
                      quickTexts={templates.filter((template) => template.kind === "QUICK_TEXT")}
                    />
                  ) : undefined
                }
                actions={noteActions(note, role, me)}
              />
            ))}
            {hidden.length > 0 ? (
              <Link
                href={showAll ? `/visits/${visit.id}` : `/visits/${visit.id}?show=all`}
                className="text-sm text-brand-700 underline"
              >
                {showAll
                  ? "Hide notes entered in error"
                  : `Show ${hidden.length === 1 ? "1 note" : `${hidden.length} notes`} entered in error`}
              </Link>
            ) : null}
          </section>
        </div>
        <section
          aria-label="Prescriptions, diagnoses and vitals"
          className="flex min-w-0 flex-col gap-4 self-start"
        >
          <VisitPrescriptionsPanel subdomain={clinic.subdomain} visitId={visit.id} role={role} />
          <VisitDiagnosesPanel
            subdomain={clinic.subdomain}
            patientId={visit.patientId}
            visitId={visit.id}
            role={role}
          />
          <VisitVitalsPanel
            subdomain={clinic.subdomain}
            patientId={visit.patientId}
            visitId={visit.id}
            role={role}
            settings={settings}
          />
          <VisitLettersPanel
            subdomain={clinic.subdomain}
            patientId={visit.patientId}
            visitId={visit.id}
            role={role}
            authorId={me}
            settings={settings}
          />
        </section>
      </div>
    </PatientFrame>
  );
}

/** A SOAP note while the visit has none in force; a nursing note of a kind the clinician has no draft of. */
function newNoteKinds(role: StaffRole, notes: VisitNote[], me: string): NoteKind[] {
  const kinds: NoteKind[] = [];
  if (
    clinicRoleCan(role, "notes.write") &&
    !notes.some((n) => n.kind === "SOAP" && n.status !== "ENTERED_IN_ERROR")
  )
    kinds.push("SOAP");
  if (clinicRoleCan(role, "nursingNotes.write"))
    for (const kind of NURSING_NOTE_KINDS)
      if (!notes.some((n) => n.kind === kind && n.status === "DRAFT" && n.author.id === me)) kinds.push(kind);
  return kinds;
}

function noteActions(note: VisitNote, role: StaffRole, me: string) {
  if (note.status === "ENTERED_IN_ERROR") return undefined;
  const canAddendum = note.status === "SIGNED" && clinicRoleCan(role, "addenda.write");
  const canMark =
    (note.author.id === me && clinicRoleCan(role, "nursingNotes.write")) ||
    clinicRoleCan(role, "notes.write");
  if (!canAddendum && !canMark) return undefined;
  return (
    <>
      {canAddendum ? <AddAddendum noteId={note.id} /> : null}
      {canMark ? <MarkEnteredInError noteId={note.id} /> : null}
    </>
  );
}
