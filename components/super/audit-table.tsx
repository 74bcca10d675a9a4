"use client";

import { type Column, DataTable, type ServerSort } from "@/components/ui/data-table";
import { formatDateTime } from "./format";

export type AuditRow = {
  id: string;
  at: string;
  /** The person's email, or the operator of a command line. */
  who: string | null;
  action: string;
  target: { type: string; id: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: string | null;
};

const columns: Column<AuditRow>[] = [
  {
    key: "at",
    header: "When",
    cell: (event) => <span className="whitespace-nowrap">{formatDateTime(event.at)}</span>,
  },
  {
    key: "actor",
    header: "Who",
    cell: (event) => event.who ?? "—",
  },
  {
    key: "action",
    header: "Action",
    cell: (event) => <code className="text-xs whitespace-nowrap">{event.action}</code>,
  },
  {
    key: "target",
    header: "Target",
    // The details name the target in words; the id is there for a lookup in the database.
    cell: (event) =>
      event.target ? (
        <span className="text-xs whitespace-nowrap text-slate-700" title={event.target.id ?? undefined}>
          {event.target.type} {event.target.id?.slice(0, 8)}
        </span>
      ) : (
        "—"
      ),
  },
  {
    key: "details",
    header: "Details",
    cell: (event) => <span className="text-xs break-words text-slate-700">{event.details ?? "—"}</span>,
  },
  {
    key: "client",
    header: "From",
    cell: (event) => (
      <span className="flex max-w-56 flex-col text-xs text-slate-600">
        <span>{event.ip ?? "unknown address"}</span>
        {event.userAgent ? (
          <span className="truncate" title={event.userAgent}>
            {event.userAgent}
          </span>
        ) : null}
      </span>
    ),
  },
];

/** One page of the central audit trail, in the order the server sorted it. */
export function AuditTable({ events, sort }: { events: AuditRow[]; sort: ServerSort }) {
  return (
    <DataTable
      caption="Audit events"
      rows={events}
      columns={columns}
      rowKey={(event) => event.id}
      serverSort={sort}
      empty="Nothing recorded yet. Sign-ins and every admin action appear here as they happen."
    />
  );
}
