import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatClinicTime, localDateOf } from "@/lib/clinic/time";
import type { VisitWithCodes, VisitWithNotes } from "@/lib/clinical/visit-list";
import { notesLine } from "./timeline-summary";

const hasNotes = (visit: VisitWithCodes | VisitWithNotes): visit is VisitWithNotes => "notes" in visit;

/**
 * The visits table. Rows with a reason and notes (a clinician's list) get those columns and a link
 * to the visit; billing's rows have neither, so the columns are not there at all.
 */
export function VisitsTable({
  visits,
  timeZone,
  hour12,
}: {
  visits: VisitWithCodes[] | VisitWithNotes[];
  timeZone: string;
  hour12: boolean;
}) {
  const clinical = visits.some(hasNotes);
  return (
    <Table caption="Visits, newest first" stackOnPhone>
      <TableHead>
        <HeaderCell>Date</HeaderCell>
        {clinical ? <HeaderCell>Reason</HeaderCell> : null}
        <HeaderCell>Doctor</HeaderCell>
        <HeaderCell>Location</HeaderCell>
        <HeaderCell>Diagnoses</HeaderCell>
        {clinical ? <HeaderCell>Notes</HeaderCell> : null}
      </TableHead>
      <TableBody>
        {visits.map((visit) => (
          <tr key={visit.id}>
            <Cell className="whitespace-nowrap">
              <ClinicDate date={localDateOf(visit.startedAt, timeZone)} />{" "}
              <span className="tabular-nums text-slate-600">
                {formatClinicTime(visit.startedAt, timeZone, { hour12 })}
              </span>
            </Cell>
            {hasNotes(visit) ? (
              <Cell>
                <Link href={`/visits/${visit.id}`} className="font-medium text-brand-700 underline">
                  {visit.reason}
                </Link>
              </Cell>
            ) : null}
            <Cell>{visit.doctor}</Cell>
            <Cell>{visit.location}</Cell>
            <Cell>
              {visit.diagnoses.length === 0 ? (
                <span className="text-slate-500">None recorded</span>
              ) : (
                <ul className="flex flex-col gap-0.5">
                  {visit.diagnoses.map((diagnosis) => (
                    <li key={diagnosis.code}>
                      <span className="font-mono text-slate-900">{diagnosis.code}</span>{" "}
                      <span className="text-slate-700">{diagnosis.title}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
            {hasNotes(visit) ? (
              <Cell>
                <Badge
                  tone={visit.notes.drafts > 0 ? "warning" : visit.notes.signed > 0 ? "success" : "neutral"}
                >
                  {notesLine(visit.notes)}
                </Badge>
              </Cell>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
