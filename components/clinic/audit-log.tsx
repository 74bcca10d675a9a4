"use client";

import { type Column, DataTable, type ServerSort } from "@/components/ui/data-table";

export type AuditLogRow = {
  id: string;
  /** Already in the clinic's time zone. */
  at: string;
  action: string;
  who: string;
  whoEmail: string | null;
  details: string;
  ip: string | null;
  userAgent: string | null;
};

const ACTION_LABELS: Record<string, string> = {
  "sign-in.succeeded": "Signed in",
  "sign-in.ticket": "Signed in from the admin console",
  "sign-in.failed": "Failed sign-in",
  "sign-in.locked": "Account locked after failed sign-ins",
  "sign-in.refused-locked": "Sign-in refused: account locked",
  "sign-in.refused-address-locked": "Sign-in refused: too many failures from this address",
  "sign-in.refused-disabled": "Sign-in refused: account deactivated",
  "sign-out": "Signed out",
  "sign-out.everywhere": "Signed out everywhere",
  "password.changed": "Changed password",
  "password.change-failed": "Password change refused: wrong current password",
  "password.change-refused-locked": "Password change refused: account locked",
  "staff.created": "Added a staff member",
  "staff.role-changed": "Changed a staff member's role",
  "staff.deactivated": "Deactivated a staff member",
  "staff.reactivated": "Reactivated a staff member",
  "staff.owner-restored": "Owner's account restored by Open clinic",
  "clinic-settings.updated": "Changed the clinic settings",
};

const columns: Column<AuditLogRow>[] = [
  { key: "at", header: "When", cell: (row) => <span className="whitespace-nowrap">{row.at}</span> },
  {
    key: "action",
    header: "What",
    cell: (row) => (
      <span className="flex flex-col">
        <span className="text-slate-900">{ACTION_LABELS[row.action] ?? row.action}</span>
        {row.details ? <span className="text-xs text-slate-600">{row.details}</span> : null}
      </span>
    ),
  },
  {
    key: "who",
    header: "Who",
    cell: (row) => (
      <span className="flex flex-col">
        <span>{row.who}</span>
        {row.whoEmail ? <span className="text-xs text-slate-600">{row.whoEmail}</span> : null}
      </span>
    ),
  },
  {
    key: "from",
    header: "From where",
    cell: (row) => (
      <span className="flex max-w-xs flex-col">
        <span className="font-mono text-xs">{row.ip ?? "unknown address"}</span>
        {row.userAgent ? (
          <span className="truncate text-xs text-slate-600" title={row.userAgent}>
            {row.userAgent}
          </span>
        ) : null}
      </span>
    ),
  },
];

/** One page of the clinic's audit log, in the order the server sorted it. */
export function AuditLog({ rows, sort }: { rows: AuditLogRow[]; sort: ServerSort }) {
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      caption="Audit events"
      serverSort={sort}
      empty="Nothing has been recorded yet."
    />
  );
}
