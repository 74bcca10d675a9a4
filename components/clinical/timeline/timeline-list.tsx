import Link from "next/link";
import { STATUS_LABEL } from "@/components/front-desk/appointments/appointment-status";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { cn } from "@/components/ui/cn";
import { formatClinicTime, localDateOf } from "@/lib/clinic/time";
import type { TimelineEntry, TimelineKind } from "@/lib/clinical/timeline-entries";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";
import { DOCUMENT_CATEGORY_LABELS, entryTitle, KIND_LABELS, notesLine } from "./timeline-summary";

const KIND_TONES: Record<TimelineKind, BadgeTone> = {
  appointment: "neutral",
  visit: "brand",
  vitals: "success",
  diagnosis: "warning",
  immunization: "success",
  document: "neutral",
  prescription: "brand",
};

/** The patient's timeline entries as a list of cards, newest first: date, kind, one line, a link to the visit. */
export function TimelineList({
  entries,
  timeZone,
  hour12,
}: {
  entries: TimelineEntry[];
  timeZone: string;
  hour12: boolean;
}) {
  return (
    <ol aria-label="Timeline entries" className="flex flex-col gap-2">
      {entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          className={cn(
            "flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:items-start sm:gap-4",
            entry.enteredInError && "border-dashed bg-slate-50 opacity-80",
          )}
        >
          <div className="flex shrink-0 items-baseline gap-2 text-sm text-slate-600 sm:w-28 sm:flex-col sm:gap-0">
            {entry.kind === "immunization" ? (
              <ClinicDate date={entry.at.toISOString().slice(0, 10)} />
            ) : (
              <>
                <ClinicDate date={localDateOf(entry.at, timeZone)} />
                <span className="tabular-nums">{formatClinicTime(entry.at, timeZone, { hour12 })}</span>
              </>
            )}
          </div>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <div className="flex flex-wrap items-center gap-1.5">
              <Badge tone={KIND_TONES[entry.kind]}>{KIND_LABELS[entry.kind]}</Badge>
              <EntryBadges entry={entry} />
              {entry.enteredInError ? <Badge tone="danger">Entered in error</Badge> : null}
            </div>
            <p
              className={cn(
                "font-medium break-words text-slate-900",
                entry.enteredInError && "line-through decoration-slate-400",
              )}
            >
              {entryTitle(entry)}
            </p>
            <EntryDetail entry={entry} />
          </div>
          {entry.visitId ? (
            <Link
              href={`/visits/${entry.visitId}`}
              className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "self-start")}
            >
              Open visit
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function EntryBadges({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case "appointment":
      return <Badge>{STATUS_LABEL[entry.status as AppointmentStatus] ?? entry.status}</Badge>;
    case "visit":
      return (
        <Badge tone={entry.notes.drafts > 0 ? "warning" : entry.notes.signed > 0 ? "success" : "neutral"}>
          {notesLine(entry.notes)}
        </Badge>
      );
    case "diagnosis":
      return (
        <>
          {entry.status === "RESOLVED" ? <Badge>Resolved</Badge> : null}
          {entry.onProblemList ? <Badge tone="brand">Problem list</Badge> : null}
          {entry.inCodeList ? null : <Badge tone="warning">Not in the list</Badge>}
        </>
      );
    case "document":
      return <Badge>{DOCUMENT_CATEGORY_LABELS[entry.category] ?? entry.category}</Badge>;
    case "prescription":
      return entry.status === "CANCELLED" ? <Badge>Cancelled</Badge> : null;
    default:
      return null;
  }
}

function EntryDetail({ entry }: { entry: TimelineEntry }) {
  const line = (text: string) => <p className="text-sm text-slate-600">{text}</p>;
  switch (entry.kind) {
    case "appointment":
      return line(`${entry.doctor} · ${entry.location}`);
    case "visit":
      return (
        <>
          {line(`${entry.doctor} · ${entry.location}`)}
          {entry.firstLine ? (
            <p className="truncate text-sm text-slate-700">
              <span className="sr-only">Assessment: </span>
              {entry.firstLine}
            </p>
          ) : null}
        </>
      );
    case "vitals":
      return entry.recordedBy ? line(`Recorded by ${entry.recordedBy}`) : null;
    case "prescription":
      return line(`Prescribed by ${entry.prescriber}`);
    default:
      return null;
  }
}
