"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ServerAction } from "./action-types";
import { ConfirmDialog } from "./confirm-dialog";
import { formatBytes, formatDateTime } from "./format";
import { StatusBadge } from "./status-badge";
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
};

/**
 * Operations on clinics, never a way into one: no links to a clinic's address or its records.
 */
export function ClinicsTable({
  clinics,
  targetVersion,
  actions,
}: {
  clinics: ClinicRow[];
  targetVersion: string | null;
  actions: { suspend: ServerAction<void>; resume: ServerAction<void> };
}) {
  const router = useRouter();
  const toast = useToast();
  const [suspending, setSuspending] = useState<ClinicRow | null>(null);
  const [resuming, setResuming] = useState<ClinicRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const resume = () =>
    startTransition(async () => {
      if (!resuming) return;
      const result = await actions.resume({ clinicId: resuming.id });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      toast(`${resuming.name} is active again.`);
      setResuming(null);
      router.refresh();
    });

  const columns: Column<ClinicRow>[] = [
    {
      key: "name",
      header: "Clinic",
      sortValue: (clinic) => clinic.name,
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
      sortValue: (clinic) => clinic.status,
      cell: (clinic) => (
        <span className="flex max-w-56 flex-col items-start gap-1">
          <StatusBadge status={clinic.status} />
          {clinic.statusReason ? <span className="text-xs text-slate-600">{clinic.statusReason}</span> : null}
        </span>
      ),
    },
    {
      key: "owner",
      header: "Owner",
      sortValue: (clinic) => clinic.ownerEmail,
      cell: (clinic) => clinic.ownerEmail,
    },
    {
      key: "server",
      header: "Server",
      sortValue: (clinic) => clinic.serverName,
      cell: (clinic) => clinic.serverName ?? "—",
    },
    {
      key: "schema",
      header: "Schema",
      sortValue: (clinic) => clinic.schemaVersion,
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
      sortValue: (clinic) => clinic.sizeBytes,
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
      sortValue: (clinic) => clinic.lastMigrationAt,
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
            onClick={() => {
              setError(null);
              setResuming(clinic);
            }}
            aria-label={`Resume ${clinic.subdomain}`}
          >
            Resume
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
        pageSize={clinics.length || 1}
        empty="No clinics here yet. Clinic admins open clinics from their own console; they appear here as they are set up."
      />
      <Dialog open={suspending !== null} onClose={() => setSuspending(null)} title="Suspend clinic">
        {suspending ? (
          <SuspendClinicForm
            key={suspending.id}
            clinic={suspending}
            action={actions.suspend}
            onCancel={() => setSuspending(null)}
            onDone={() => {
              toast(`${suspending.name} is suspended.`);
              setSuspending(null);
              router.refresh();
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={resuming !== null}
        title="Resume clinic?"
        confirmLabel="Resume clinic"
        pending={pending}
        error={error}
        onConfirm={resume}
        onClose={() => setResuming(null)}
      >
        <p>
          <strong>{resuming?.name}</strong> ({resuming?.subdomain}) works again at once: its staff can sign in
          and its pages come back.
        </p>
      </ConfirmDialog>
    </>
  );
}
