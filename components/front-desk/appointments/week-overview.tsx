import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { CalendarFilters } from "@/lib/clinic/calendar";
import type { WeekCell, WeekRow, WeekSummary } from "@/lib/clinic/week-summary";
import { calendarHref } from "./calendar-href";
import { formatDayHeading } from "./calendar-layout";

/**
 * The week of every doctor: appointments per doctor and day, each count opening that doctor's day,
 * each day opening everyone's day. A table from tablet width, a list per day on a phone.
 */
export function WeekOverview({
  summary,
  filters,
  today,
}: {
  summary: WeekSummary;
  filters: CalendarFilters;
  today: string;
}) {
  const dayHref = (date: string) => calendarHref(filters, { view: "day", date, doctorId: null });
  const cellHref = (row: WeekRow, cell: WeekCell) =>
    calendarHref(filters, { view: "day", date: cell.date, doctorId: row.doctor.id });
  if (summary.rows.length === 0)
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">
        No doctor works here this week and nothing is booked. Pick another week or location.
      </div>
    );
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="w-full min-w-[50rem] table-fixed border-collapse text-sm">
          <caption className="sr-only">
            Appointments per doctor and day; open a day or a count to see it
          </caption>
          <colgroup>
            <col className="w-44" />
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                Doctor
              </th>
              {summary.totals.map((day) => (
                <th
                  key={day.date}
                  scope="col"
                  className={cn(
                    "border-l border-slate-200 px-2 py-2 text-left",
                    day.date === today && "bg-brand-50",
                  )}
                >
                  <Link
                    href={dayHref(day.date)}
                    aria-label={`${formatDayHeading(day.date)}: ${plural(day.count)}`}
                    className="flex flex-col rounded hover:text-brand-800 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    <span className="font-semibold text-slate-900">
                      {formatDayHeading(day.date, "short")}
                    </span>
                    <span className="text-xs font-normal text-slate-600">
                      {day.date === today ? "Today · " : ""}
                      {plural(day.count)}
                    </span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.doctor.id} className="border-b border-slate-100 last:border-b-0">
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  <Link
                    href={calendarHref(filters, { view: "week", doctorId: row.doctor.id })}
                    aria-label={`${row.doctor.name}'s week`}
                    className="flex items-center gap-2 hover:text-brand-800 hover:underline"
                  >
                    <DoctorDot color={row.doctor.color} />
                    {row.doctor.name}
                  </Link>
                </th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.date}
                    className={cn(
                      "border-l border-slate-200 p-1 align-top",
                      cell.date === today && "bg-brand-50/50",
                    )}
                  >
                    <CountLink row={row} cell={cell} href={cellHref(row, cell)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-col gap-3 md:hidden">
        {summary.totals.map((day, i) => (
          <section
            key={day.date}
            aria-label={formatDayHeading(day.date)}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <h3 className="border-b border-slate-200 px-3 py-2">
              <Link
                href={dayHref(day.date)}
                aria-label={`${formatDayHeading(day.date)}: ${plural(day.count)}`}
                className="flex items-baseline justify-between gap-2 hover:text-brand-800 hover:underline"
              >
                <span className="font-semibold text-slate-900">
                  {formatDayHeading(day.date, "short")}
                  {day.date === today ? " (today)" : ""}
                </span>
                <span className="text-sm text-slate-600">{plural(day.count)}</span>
              </Link>
            </h3>
            <ul className="divide-y divide-slate-100">
              {summary.rows.map((row) => {
                const cell = row.cells[i] as WeekCell;
                if (!cell.working && cell.count === 0) return null;
                return (
                  <li key={row.doctor.id}>
                    <PhoneCountLink row={row} cell={cell} href={cellHref(row, cell)} />
                  </li>
                );
              })}
            </ul>
            {summary.rows.every((row) => !row.cells[i]?.working && row.cells[i]?.count === 0) ? (
              <p className="px-3 py-2 text-sm text-slate-500">No doctor works here this day.</p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

function countLabel(row: WeekRow, cell: WeekCell): string {
  const outside = cell.outsideHours > 0 ? `, ${cell.outsideHours} outside hours` : "";
  return `${row.doctor.name} on ${formatDayHeading(cell.date)}: ${plural(cell.count)}${outside}`;
}

function CountDetails({ cell }: { cell: WeekCell }) {
  return (
    <>
      {cell.span ? <span className="text-xs tabular-nums text-slate-600">{cell.span}</span> : null}
      {cell.outsideHours > 0 ? (
        <span className="text-xs font-medium text-amber-800">{cell.outsideHours} outside hours</span>
      ) : null}
    </>
  );
}

/** A doctor's day on a phone: the whole row opens it. */
function PhoneCountLink({ row, cell, href }: { row: WeekRow; cell: WeekCell; href: string }) {
  return (
    <Link
      href={href}
      aria-label={countLabel(row, cell)}
      className="flex items-center gap-3 px-3 py-2 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <DoctorDot color={row.doctor.color} />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="text-sm font-medium text-slate-900">{row.doctor.name}</span>
        <span className="flex flex-wrap gap-x-2">
          <CountDetails cell={cell} />
        </span>
      </span>
      <span className="text-lg font-semibold tabular-nums text-slate-900">
        {cell.count === 0 ? "Free" : cell.count}
      </span>
    </Link>
  );
}

/** A doctor's day in the table: a count that opens it, or a dash on a day off. */
function CountLink({ row, cell, href }: { row: WeekRow; cell: WeekCell; href: string }) {
  if (!cell.working && cell.count === 0)
    return (
      <span className="block px-2 py-1 text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{row.doctor.name} does not work this day</span>
      </span>
    );
  return (
    <Link
      href={href}
      aria-label={countLabel(row, cell)}
      className="flex flex-col rounded-md px-2 py-1 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <span className="font-semibold tabular-nums text-slate-900">
        {cell.count === 0 ? "Free" : cell.count}
      </span>
      <CountDetails cell={cell} />
    </Link>
  );
}

function DoctorDot({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-full"
      style={{ backgroundColor: color }}
    />
  );
}

function plural(count: number): string {
  return count === 1 ? "1 appointment" : `${count} appointments`;
}
