"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { AddServerForm } from "./add-server-form";
import { EditServerForm } from "./edit-server-form";
import type { ServerPitrSummary } from "./pitr-format";
import { ServerPitrCell } from "./server-pitr-cell";

/** What the page may know about a server: never its stored password. */
export type ServerRow = {
  id: string;
  name: string;
  host: string;
  port: number;
  adminUser: string;
  capacity: number;
  status: "ACTIVE" | "DRAINING" | "OFFLINE";
  isDefault: boolean;
  clinics: number;
  /** The PgBouncer clinic requests go through, or none. */
  poolerHost: string | null;
  poolerPort: number | null;
  /** A user of that PgBouncer's console (restores pause the clinic there), or none. */
  poolerAdminUser: string | null;
  /** What moves left on it with no job to remove it (computed on the server), or null. */
  moveWarning: string | null;
  /** Point-in-time restore: set up or how to, its window and its archiving's health (computed on the server). */
  pitr: ServerPitrSummary;
};

export function ServersPanel({ servers }: { servers: ServerRow[] }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ServerRow | null>(null);

  const columns: Column<ServerRow>[] = [
    {
      key: "name",
      header: "Name",
      sortValue: (server) => server.name,
      cell: (server) => (
        <span className="flex items-center gap-2 font-medium text-slate-900">
          {server.name}
          {server.isDefault ? <Badge tone="brand">Default</Badge> : null}
        </span>
      ),
    },
    {
      key: "address",
      header: "Host:port",
      sortValue: (server) => `${server.host}:${server.port}`,
      cell: (server) => (
        <span className="flex flex-col gap-1">
          <code className="text-xs">{`${server.host}:${server.port}`}</code>
          {server.poolerHost ? (
            <span className="text-xs text-slate-600">
              requests via PgBouncer <code>{`${server.poolerHost}:${server.poolerPort}`}</code>
              {server.poolerAdminUser
                ? "; restores pause it"
                : "; no console user, so a restore's swap fails the clinic's requests for about a second"}
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "user", header: "Admin user", cell: (server) => server.adminUser },
    {
      key: "clinics",
      header: "Clinics / capacity",
      sortValue: (server) => server.clinics / server.capacity,
      cell: (server) => (
        <span className={server.clinics >= server.capacity ? "text-red-800 tabular-nums" : "tabular-nums"}>
          {server.clinics} / {server.capacity}
        </span>
      ),
    },
    {
      key: "status",
      header: "Status",
      sortValue: (server) => server.status,
      cell: (server) => (
        <span className="flex max-w-72 flex-col items-start gap-1">
          <StatusBadge status={server.status} />
          {server.moveWarning ? (
            <span role="note" className="text-xs break-words text-amber-800">
              {server.moveWarning}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: "pitr",
      header: "Point-in-time restore",
      sortValue: (server) => server.pitr.badge.label,
      cell: (server) => <ServerPitrCell summary={server.pitr} />,
    },
    {
      key: "actions",
      header: "Actions",
      cell: (server) => (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setEditing(server)}
          aria-label={`Edit ${server.name}`}
        >
          Edit
        </Button>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      {servers.map((server) =>
        server.pitr.alert ? (
          <Notice key={server.id}>
            <strong>Server {server.name}:</strong> {server.pitr.alert}
          </Notice>
        ) : null,
      )}
      <div className="flex justify-end">
        <Button onClick={() => setAdding(true)}>Add server</Button>
      </div>
      <DataTable
        caption="Database servers"
        rows={servers}
        columns={columns}
        rowKey={(server) => server.id}
        stackOnPhone
        empty="No database servers recorded. The server of DATABASE_URL is added at first start; add more here."
      />
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add database server">
        {adding ? <AddServerForm onCancel={() => setAdding(false)} onAdded={() => setAdding(false)} /> : null}
      </Dialog>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit server ${editing?.name ?? ""}`}
      >
        {editing ? (
          <EditServerForm
            key={editing.id}
            server={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
