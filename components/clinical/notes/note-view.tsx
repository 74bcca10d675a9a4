import type { ReactNode } from "react";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { Badge } from "@/components/ui/badge";
import type { VisitNote } from "@/lib/clinical/visits";
import { NOTE_KIND_LABELS, NOTE_SECTION_LABELS, type NoteSection } from "@/lib/validations/notes";

const SOAP: NoteSection[] = ["subjective", "objective", "assessment", "plan"];

/** A note read-only: its sections, who signed it and when, its addenda; `actions` below (addendum…). */
export function NoteView({
  note,
  staffNames,
  timeZone,
  hour12,
  actions,
  editor,
}: {
  note: VisitNote;
  staffNames: Map<string, string>;
  timeZone: string;
  hour12: boolean;
  actions?: ReactNode;
  /** The author's own draft is written here instead of read. */
  editor?: ReactNode;
}) {
  const at = (instant: Date) => formatClinicDateTime(instant, timeZone, { hour12 });
  const sections = note.kind === "SOAP" ? SOAP : (["body"] as NoteSection[]);
  const inError = note.status === "ENTERED_IN_ERROR";
  return (
    <article
      aria-label={`${NOTE_KIND_LABELS[note.kind]} by ${note.author.name}`}
      className={`flex flex-col gap-3 rounded-lg border p-4 ${inError ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-white"}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold text-slate-900">{NOTE_KIND_LABELS[note.kind]}</h3>
        {note.status === "SIGNED" ? <Badge tone="success">Signed</Badge> : null}
        {note.status === "DRAFT" ? <Badge tone="warning">Draft</Badge> : null}
        {inError ? <Badge tone="danger">Entered in error</Badge> : null}
        <span className="text-sm text-slate-600">
          {note.author.name}
          {note.signedAt ? `, signed ${at(note.signedAt)}` : `, started ${at(note.createdAt)}`}
        </span>
      </header>
      {inError ? (
        <p className="text-sm text-red-800">
          Marked entered in error by {staffNames.get(note.enteredInErrorById ?? "") ?? "a clinician"}
          {note.enteredInErrorAt ? ` on ${at(note.enteredInErrorAt)}` : ""}: {note.enteredInErrorReason}
        </p>
      ) : null}
      {editor ?? (
        <dl
          className={`flex flex-col gap-3 ${inError ? "text-slate-500 line-through decoration-red-300" : ""}`}
        >
          {sections.map((section) => (
            <div key={section}>
              {note.kind === "SOAP" ? (
                <dt className="text-sm font-medium text-slate-700">{NOTE_SECTION_LABELS[section]}</dt>
              ) : null}
              <dd className="whitespace-pre-wrap break-words text-sm text-slate-900">
                {note[section] || <span className="text-slate-500">—</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {note.addenda.length > 0 ? (
        <section aria-label="Addenda" className="flex flex-col gap-2 border-t border-slate-200 pt-3">
          <h4 className="text-sm font-semibold text-slate-800">Addenda</h4>
          <ol className="flex flex-col gap-2">
            {note.addenda.map((addendum) => (
              <li key={addendum.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                <p className="text-xs text-slate-600">
                  {staffNames.get(addendum.authorId) ?? "A clinician"}, {at(addendum.createdAt)}
                </p>
                <p className="whitespace-pre-wrap break-words text-slate-900">{addendum.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {actions ? <div className="flex flex-wrap items-start gap-2">{actions}</div> : null}
    </article>
  );
}
