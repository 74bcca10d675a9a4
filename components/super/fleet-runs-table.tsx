"use client";

import { type Column, DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "./format";

export type FleetRunRow = {
  id: string;
  status: string;
  targetVersion: string | null;
  total: number;
  succeeded: number;
  upToDate: number;
  failed: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

const columns: Column<FleetRunRow>[] = [
  {
    key: "started",
    header: "Started",
    sortValue: (run) => run.startedAt,
    cell: (run) => <span className="whitespace-nowrap">{formatDateTime(run.startedAt)}</span>,
  },
  {
    key: "status",
    header: "Status",
    sortValue: (run) => run.status,
    cell: (run) => (
      <span className="flex max-w-80 flex-col items-start gap-1">
        <StatusBadge status={run.status} />
        {run.error ? <span className="text-xs text-red-800">{run.error}</span> : null}
      </span>
    ),
  },
  {
    key: "target",
    header: "Target",
    cell: (run) => <code className="text-xs">{run.targetVersion ?? "—"}</code>,
  },
  { key: "total", header: "Clinics", sortValue: (run) => run.total, cell: (run) => run.total },
  { key: "succeeded", header: "Updated", sortValue: (run) => run.succeeded, cell: (run) => run.succeeded },
  { key: "upToDate", header: "Up to date", sortValue: (run) => run.upToDate, cell: (run) => run.upToDate },
  { key: "failed", header: "Failed", sortValue: (run) => run.failed, cell: (run) => run.failed },
  {
    key: "finished",
    header: "Finished",
    sortValue: (run) => run.finishedAt,
    cell: (run) => <span className="whitespace-nowrap">{formatDateTime(run.finishedAt)}</span>,
  },
];

export function FleetRunsTable({ runs }: { runs: FleetRunRow[] }) {
  return (
    <DataTable
      caption="Recent rollouts"
      rows={runs}
      columns={columns}
      rowKey={(run) => run.id}
      pageSize={10}
      empty="No rollouts yet. Start one above, or run npm run tenant:update-schema on a server."
    />
  );
}
