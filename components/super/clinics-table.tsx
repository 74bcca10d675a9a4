"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type Column, DataTable, type ServerSort } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { useActionCall } from "@/components/ui/use-action-call";
import { retryClinicSetupAction } from "@/lib/actions/super/retry-clinic-setup";
import type { ClinicAttention } from "@/lib/admin/clinic-attention";
import { ClinicAttentionNote } from "../admin/clinic-attention-note";
import { formatBytes, formatDateTime } from "./format";
import { RemoveFailedClinicDialog } from "./remove-failed-clinic-dialog";
import { ResumeClinicDialog } from "./resume-clinic-dialog";
import { SuspendClinicForm } from "./suspend-clinic-form";

export type ClinicRow = {
  id: string;
  name: string;
  subdomain: string;
  status: string;
  statusReason: string | null;
  ownerEmail: string;
  serverName: string | null;
  schemaVersion: string | null;
  sizeBytes: number | null;
  sizeProblem: string | null;
  lastMigrationAt: string | null;
  lastMigrationError: string | null;
  attention: ClinicAttention | null;
};

/**
 * One page of the platform's clinics, sorted by the server. Operations on clinics, never a way
 * into one: no links to a clinic's address or its records.
 */
export function ClinicsTable({
  clinics,
  targetVersion,
  reservationDays,
  sort,
}: {
  clinics: ClinicRow[];
  targetVersion: string | null;
  reservationDays: number;
  sort: ServerSort;
}) {
  const [suspending, setSuspending] = useState<ClinicRow | null>(null);
  const [resuming, setResuming] = useState<ClinicRow | null>(null);
  const [removing, setRemoving] = useState<ClinicRow | null>(null);
  const retry = useActionCall(retryClinicSetupAction, {
    success: () => "The clinic's set-up runs again.",
  });

  const columns: Column<ClinicRow>[] = [
    {
      key: "clinic",
      header: "Clinic",
      cell: (clinic) => (
        <span className="flex flex-col">
          <span className="font-medium text-slate-900">{clinic.name}</span>
          <span className="text-xs text-slate-600">{clinic.subdomain}</span>
        </span>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (clinic) => (
        <span className="flex max-w-56 flex-col items-start gap-1">
          <StatusBadge status={clinic.status} />
          {clinic.attention ? (
            <ClinicAttentionNote attention={clinic.attention} />
          ) : clinic.statusReason ? (
            <span className="text-xs text-slate-600">{clinic.statusReason}</span>
          ) : null}
        </span>
      ),
    },
    { key: "owner", header: "Owner", cell: (clinic) => clinic.ownerEmail },
    { key: "server", header: "Server", cell: (clinic) => clinic.serverName ?? "—" },
    {
      key: "schema",
      header: "Schema",
      cell: (clinic) => (
        <span className="flex flex-col items-start gap-1">
          <code className="text-xs">{clinic.schemaVersion ?? "none"}</code>
          {clinic.schemaVersion && targetVersion && clinic.schemaVersion !== targetVersion ? (
            <span className="text-xs text-amber-800">Behind</span>
          ) : null}
        </span>
      ),
    },
    {
      key: "size",
      header: "Database size",
      cell: (clinic) =>
        clinic.sizeProblem ? (
          <span className="text-xs text-slate-600" title={clinic.sizeProblem}>
            Unavailable: {clinic.sizeProblem}
          </span>
        ) : (
          <span className="tabular-nums">{formatBytes(clinic.sizeBytes)}</span>
        ),
    },
    {
      key: "migration",
      header: "Last migration",
      cell: (clinic) => (
        <span className="flex max-w-72 flex-col gap-1">
          <span className="whitespace-nowrap">{formatDateTime(clinic.lastMigrationAt)}</span>
          {clinic.lastMigrationError ? (
            <span className="text-xs break-words text-red-800">{clinic.lastMigrationError}</span>
          ) : null}
        </span>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      cell: (clinic) =>
        clinic.status === "ACTIVE" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setSuspending(clinic)}
            aria-label={`Suspend ${clinic.subdomain}`}
          >
            Suspend
          </Button>
        ) : clinic.status === "SUSPENDED" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setResuming(clinic)}
            aria-label={`Resume ${clinic.subdomain}`}
          >
            Resume
          </Button>
        ) : clinic.attention?.kind === "setup-failed" ? (
          <span className="flex flex-wrap gap-2">
            <Button
              size="sm"
              disabled={retry.pending}
              onClick={() => retry.call({ clinicId: clinic.id })}
              aria-label={`Retry setting up ${clinic.subdomain}`}
            >
              Retry
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-red-700"
              onClick={() => setRemoving(clinic)}
              aria-label={`Remove ${clinic.subdomain}`}
            >
              Remove
            </Button>
          </span>
        ) : clinic.attention?.kind === "delete-failed" ? (
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700"
            onClick={() => setRemoving(clinic)}
            aria-label={`Retry deleting ${clinic.subdomain}`}
          >
            Retry delete
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <DataTable
        caption="Clinics"
        rows={clinics}
        columns={columns}
        rowKey={(clinic) => clinic.id}
        serverSort={sort}
        empty="No clinics here yet. Clinic admins open clinics from their own console; they appear here as they are set up."
      />
      <Dialog open={suspending !== null} onClose={() => setSuspending(null)} title="Suspend clinic">
        {suspending ? (
          <SuspendClinicForm
            key={suspending.id}
            clinic={suspending}
            onCancel={() => setSuspending(null)}
            onDone={() => setSuspending(null)}
          />
        ) : null}
      </Dialog>
      {resuming ? <ResumeClinicDialog clinic={resuming} onClose={() => setResuming(null)} /> : null}
      {removing ? (
        <RemoveFailedClinicDialog
          clinic={{ ...removing, neverActive: removing.schemaVersion === null }}
          reservationDays={reservationDays}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </>
  );
}
