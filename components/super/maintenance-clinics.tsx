"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { useActionCall } from "@/components/ui/use-action-call";
import { startClinicMaintenanceAction } from "@/lib/actions/maintenance/start-clinic-maintenance";
import type { MaintenanceOperation } from "@/lib/maintenance/maintenance-jobs";
import type { ClinicDatabaseFigures } from "@/lib/maintenance/server-report";
import { formatBytes } from "./format";
import { MaintenanceJobProgressLine } from "./maintenance-job-progress";
import { XidAge } from "./maintenance-xid";

const EXPLAINED: Record<MaintenanceOperation, { title: string; text: string }> = {
  vacuum: {
    title: "Vacuum",
    text: "Reclaims the space of deleted and updated rows, freezes old transaction IDs and refreshes the planner's statistics, one table at a time. The clinic keeps working; a schema rollout waits for at most one table.",
  },
  reindex: {
    title: "Reindex",
    text: "Rebuilds every index of the clinic's tables without locking out reads or writes (CONCURRENTLY), one table at a time. It needs room for a second copy of the largest index while it runs, and reads each table once.",
  },
};

/** The clinics of one server: size and transaction-ID age, with Vacuum and Reindex as jobs. */
export function MaintenanceClinics({
  clinics,
  activeJobs,
  tablesHref,
}: {
  clinics: ClinicDatabaseFigures[];
  /** Jobs already under way, by clinic id (a reloaded page keeps following them). */
  activeJobs: Record<string, string>;
  /** The page's address for a clinic's tables, without the subdomain at its end. */
  tablesHref: string;
}) {
  const [jobs, setJobs] = useState<Record<string, string>>(activeJobs);
  const [asking, setAsking] = useState<{
    clinic: ClinicDatabaseFigures;
    operation: MaintenanceOperation;
  } | null>(null);
  const start = useActionCall(startClinicMaintenanceAction, {
    message: "inline",
    refresh: false,
    // `asking` is the clinic confirmed in this render's dialog (the call uses this render's options).
    onSuccess: ({ jobId }) => {
      if (asking) setJobs((current) => ({ ...current, [asking.clinic.clinicId]: jobId }));
      setAsking(null);
    },
  });

  const columns: Column<ClinicDatabaseFigures>[] = [
    {
      key: "clinic",
      header: "Clinic",
      sortValue: (clinic) => clinic.subdomain,
      cell: (clinic) => (
        <Link
          href={`${tablesHref}${encodeURIComponent(clinic.subdomain)}`}
          className="font-medium text-brand-800 underline"
        >
          {clinic.subdomain}
        </Link>
      ),
    },
    {
      key: "size",
      header: "Size",
      sortValue: (clinic) => clinic.sizeBytes,
      cell: (clinic) => <span className="tabular-nums">{formatBytes(clinic.sizeBytes)}</span>,
    },
    {
      key: "xid",
      header: "Transaction-ID age",
      sortValue: (clinic) => clinic.xidAge,
      cell: (clinic) => <XidAge level={clinic.xidLevel} text={clinic.xidText} />,
    },
    {
      key: "actions",
      header: "Maintenance",
      cell: (clinic) => {
        const jobId = jobs[clinic.clinicId];
        return (
          <div className="flex flex-col gap-2">
            <div className="flex flex-wrap gap-2">
              {(["vacuum", "reindex"] as const).map((operation) => (
                <Button
                  key={operation}
                  size="sm"
                  variant="secondary"
                  aria-label={`${EXPLAINED[operation].title} ${clinic.subdomain}`}
                  onClick={() => {
                    start.clearError();
                    setAsking({ clinic, operation });
                  }}
                >
                  {EXPLAINED[operation].title}
                </Button>
              ))}
            </div>
            {jobId ? (
              <MaintenanceJobProgressLine key={jobId} jobId={jobId} subdomain={clinic.subdomain} />
            ) : null}
          </div>
        );
      },
    },
  ];

  return (
    <>
      <DataTable
        caption="Clinic databases on this server"
        columns={columns}
        rows={clinics}
        rowKey={(clinic) => clinic.clinicId}
        empty="No active or suspended clinic has its database on this server."
        stackOnPhone
      />
      {asking ? (
        <ConfirmDialog
          title={`${EXPLAINED[asking.operation].title} ${asking.clinic.subdomain}?`}
          confirmLabel={`Start ${EXPLAINED[asking.operation].title.toLowerCase()}`}
          pendingLabel="Starting…"
          pending={start.pending}
          error={start.error}
          onConfirm={() => start.call({ subdomain: asking.clinic.subdomain, operation: asking.operation })}
          onClose={() => setAsking(null)}
        >
          <p>{EXPLAINED[asking.operation].text}</p>
          <p>Progress shows in the table; it goes on if you leave this page.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
