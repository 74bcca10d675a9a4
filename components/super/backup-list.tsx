"use client";

import { useMemo, useState } from "react";
import type { BackupRow } from "@/lib/backups/console-queries";
import { DEFAULT_ROOT_DOMAIN } from "@/lib/config/root-domain";
import { Button } from "../ui/button";
import { type Column, DataTable } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";
import { describeKind } from "./backup-format";
import { BackupJobPanel } from "./backup-job-panel";
import { BackupRestoreDialog } from "./backup-restore-dialog";
import { BackupRestoreIntoDialog } from "./backup-restore-into-dialog";
import { formatBytes, formatDateTime } from "./format";

type Clinic = { id: string; name: string; subdomain: string };

/**
 * A clinic's backups, newest first, each with "Download" (the encrypted file) and, for super
 * admins, "Restore…" and "Restore as a new clinic…"; a restore under way is followed above the list.
 */
export function BackupList({
  clinic,
  backups,
  canRestore,
  keepHours = 24,
  activeRestoreJobId = null,
  rootDomain = DEFAULT_ROOT_DOMAIN,
}: {
  clinic: Clinic;
  backups: BackupRow[];
  canRestore: boolean;
  keepHours?: number;
  activeRestoreJobId?: string | null;
  rootDomain?: string;
}) {
  const [restoring, setRestoring] = useState<BackupRow | null>(null);
  const [copying, setCopying] = useState<BackupRow | null>(null);
  const [restoreJobId, setRestoreJobId] = useState<string | null>(activeRestoreJobId);
  const columns = useMemo(
    (): Column<BackupRow>[] => [
      {
        key: "when",
        header: "Taken",
        sortValue: (backup) => backup.startedAt,
        cell: (backup) => <span className="whitespace-nowrap">{formatDateTime(backup.startedAt)}</span>,
      },
      { key: "kind", header: "Kind", sortValue: describeKind, cell: describeKind },
      {
        key: "status",
        header: "Status",
        sortValue: (backup) => backup.status,
        cell: (backup) => (
          <span className="flex flex-col gap-1">
            <StatusBadge status={backup.status} label={backup.status === "DONE" ? "Done" : undefined} />
            {backup.error ? <span className="text-xs text-red-800">{backup.error}</span> : null}
          </span>
        ),
      },
      {
        key: "size",
        header: "Size",
        sortValue: (backup) => backup.sizeBytes ?? 0,
        cell: (backup) => formatBytes(backup.sizeBytes),
      },
      {
        key: "schema",
        header: "Schema version",
        cell: (backup) =>
          backup.schemaVersion ? (
            <span className="break-all font-mono text-xs">{backup.schemaVersion}</span>
          ) : (
            "—"
          ),
      },
      {
        key: "verified",
        header: "Verified",
        sortValue: (backup) => backup.verifiedAt ?? "",
        cell: (backup) =>
          backup.verifiedAt ? (
            formatDateTime(backup.verifiedAt)
          ) : (
            <span className="text-slate-600">not yet</span>
          ),
      },
      {
        key: "copied",
        header: "Copied",
        cell: (backup) =>
          backup.copiedAt ? formatDateTime(backup.copiedAt) : <span className="text-slate-600">no</span>,
      },
      {
        key: "actions",
        header: "Actions",
        cell: (backup) =>
          backup.status === "DONE" ? (
            <div className="flex flex-wrap gap-2">
              {canRestore ? (
                <>
                  <Button size="sm" variant="secondary" onClick={() => setRestoring(backup)}>
                    Restore…
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setCopying(backup)}>
                    Restore as a new clinic…
                  </Button>
                </>
              ) : null}
              <a
                href={`/api/backups/${backup.id}/download`}
                download
                className="inline-flex items-center rounded-md px-2 py-1 text-sm text-brand-800 hover:bg-slate-100"
              >
                Download
              </a>
            </div>
          ) : null,
      },
    ],
    [canRestore],
  );
  return (
    <div className="flex flex-col gap-4">
      {restoreJobId ? (
        <section
          aria-labelledby="restore-heading"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="restore-heading" className="text-lg font-semibold text-slate-900">
            Restoring {clinic.name}
          </h2>
          <BackupJobPanel key={restoreJobId} jobId={restoreJobId} label={`Restoring ${clinic.name}`} />
        </section>
      ) : null}
      <DataTable
        caption={`Backups of ${clinic.name}`}
        rows={backups}
        columns={columns}
        rowKey={(backup) => backup.id}
        stackOnPhone
        empty={<p>No backups yet. Use “Back up now” to take the first one.</p>}
      />
      {restoring ? (
        <BackupRestoreDialog
          clinic={clinic}
          backup={restoring}
          keepHours={keepHours}
          onStarted={setRestoreJobId}
          onClose={() => setRestoring(null)}
        />
      ) : null}
      {copying ? (
        <BackupRestoreIntoDialog
          clinic={clinic}
          backup={copying}
          rootDomain={rootDomain}
          onClose={() => setCopying(null)}
        />
      ) : null}
    </div>
  );
}
