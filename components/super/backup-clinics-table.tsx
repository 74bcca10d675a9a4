"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { ClinicBackupSummary } from "@/lib/backups/console-queries";
import { ButtonLink } from "../ui/button";
import { type Column, DataTable } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";
import { BackupNowButton } from "./backup-now-button";
import { formatBytes, formatDateTime } from "./format";

export type ClinicBackupLine = ClinicBackupSummary & { verifiedAge: string | null };

/** Every clinic's backup state; "Back up now" on each, its list of backups one click away. */
export function BackupClinicsTable({ clinics, listHref }: { clinics: ClinicBackupLine[]; listHref: string }) {
  // Stable columns: the table mounts a cell anew when its column changes, and a cell holds a running backup's steps.
  const columns = useMemo(
    (): Column<ClinicBackupLine>[] => [
      {
        key: "name",
        header: "Clinic",
        sortValue: (clinic) => clinic.name.toLowerCase(),
        cell: (clinic) => (
          <span className="flex flex-col">
            <Link href={`${listHref}/${clinic.id}`} className="font-medium text-brand-800 hover:underline">
              {clinic.name}
            </Link>
            <span className="font-mono text-xs text-slate-600">{clinic.subdomain}</span>
          </span>
        ),
      },
      {
        key: "last",
        header: "Last backup",
        sortValue: (clinic) => clinic.lastDone?.startedAt ?? "",
        cell: (clinic) => (
          <span className="flex flex-col gap-1">
            <span>{clinic.lastDone ? formatDateTime(clinic.lastDone.startedAt) : "never"}</span>
            {clinic.latest && clinic.latest.status !== "DONE" ? (
              <span className="flex flex-wrap items-center gap-1 text-xs">
                <StatusBadge status={clinic.latest.status} />
                {clinic.latest.status === "FAILED" ? formatDateTime(clinic.latest.startedAt) : null}
              </span>
            ) : null}
          </span>
        ),
      },
      {
        key: "verified",
        header: "Last verified",
        sortValue: (clinic) => clinic.lastVerifiedAt ?? "",
        cell: (clinic) =>
          clinic.verifiedAge ? (
            <span title={formatDateTime(clinic.lastVerifiedAt)}>{clinic.verifiedAge}</span>
          ) : (
            <span className="text-amber-800">never verified</span>
          ),
      },
      {
        key: "size",
        header: "Size",
        sortValue: (clinic) => clinic.lastDone?.sizeBytes ?? 0,
        cell: (clinic) => formatBytes(clinic.lastDone?.sizeBytes ?? null),
      },
      {
        key: "actions",
        header: "Actions",
        cell: (clinic) => (
          <div className="flex flex-col gap-2 sm:min-w-64">
            <BackupNowButton
              size="sm"
              target={{ clinicId: clinic.id, name: clinic.name, by: "super" }}
              activeJobId={clinic.activeJob?.kind === "backup-clinic" ? clinic.activeJob.id : null}
            />
            <ButtonLink size="sm" variant="ghost" className="self-start" href={`${listHref}/${clinic.id}`}>
              Backups and restore
            </ButtonLink>
          </div>
        ),
      },
    ],
    [listHref],
  );
  return (
    <DataTable
      caption="Clinic backups"
      rows={clinics}
      columns={columns}
      rowKey={(clinic) => clinic.id}
      stackOnPhone
      empty={<p>No active or suspended clinic yet: clinics appear here once they are set up.</p>}
    />
  );
}
