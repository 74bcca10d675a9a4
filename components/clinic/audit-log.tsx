import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/table";
import { browserOf } from "./audit-details";

export type AuditLogEntry = {
  id: string;
  /** The clinic-local day ("Monday 30 November 2026") and time ("09:40:12") it happened. */
  day: string;
  time: string;
  sentence: string;
  ip: string | null;
  userAgent: string | null;
  /** The patient it concerns, to show only their events. */
  patient: { name: string; href: string } | null;
};

/** One page of the clinic's audit log as sentences, under a heading per day. */
export function AuditLog({ entries, empty }: { entries: AuditLogEntry[]; empty: ReactNode }) {
  if (entries.length === 0) return <EmptyState>{empty}</EmptyState>;
  const days: { day: string; entries: AuditLogEntry[] }[] = [];
  for (const entry of entries) {
    const last = days.at(-1);
    if (last?.day === entry.day) last.entries.push(entry);
    else days.push({ day: entry.day, entries: [entry] });
  }
  return (
    <section aria-label="Audit events" className="flex flex-col gap-6">
      {days.map(({ day, entries: ofDay }) => (
        <section key={day} aria-label={day} className="flex flex-col gap-2">
          <h2 className="text-sm font-semibold text-slate-700">{day}</h2>
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {ofDay.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-1 px-3 py-2.5 sm:flex-row sm:gap-4">
                <span className="shrink-0 whitespace-nowrap font-mono text-xs text-slate-600 tabular-nums sm:w-20 sm:pt-0.5">
                  {entry.time}
                </span>
                <span className="flex min-w-0 flex-col gap-0.5">
                  <span className="text-sm text-slate-900">{entry.sentence}</span>
                  <span className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                    <span>
                      from <span className="font-mono">{entry.ip ?? "an unknown address"}</span>
                      {entry.userAgent ? (
                        <span title={entry.userAgent}>, {browserOf(entry.userAgent)}</span>
                      ) : null}
                    </span>
                    {entry.patient ? (
                      <Link
                        href={entry.patient.href}
                        className="text-brand-700 underline-offset-2 hover:underline"
                      >
                        Only {entry.patient.name}
                      </Link>
                    ) : null}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
