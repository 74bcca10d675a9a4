import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import type { PrintableVisit } from "@/lib/documents/printing/print-list";
import { PrintLink } from "./print-link";

/** The patient's recent visits, each with its summary to hand over at check-out. */
export function VisitPrintList({
  visits,
  timeZone,
  hour12,
}: {
  visits: PrintableVisit[];
  timeZone: string;
  hour12: boolean;
}) {
  if (visits.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        No visits yet. A visit's summary can be printed once the visit has started.
      </p>
    );
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {visits.map((visit) => {
        const when = formatClinicDateTime(visit.startedAt, timeZone, { hour12 });
        return (
          <li
            key={visit.id}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="flex min-w-0 flex-col gap-0.5">
              <span className="font-medium text-slate-900">{when}</span>
              <span className="text-sm text-slate-600">
                {visit.reason} · {visit.doctor}
              </span>
            </div>
            <PrintLink
              href={`/print/visits/${visit.id}`}
              label={`the summary of the visit on ${when}`}
              printed={visit.printed}
              timeZone={timeZone}
              hour12={hour12}
            />
          </li>
        );
      })}
    </ul>
  );
}
