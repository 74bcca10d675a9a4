"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { StatusBadge } from "../ui/status-badge";
import { useClinicProgress } from "./use-clinic-progress";

// How the console names the statuses of a clinic's set-up.
const LABELS: Partial<Record<AdminClinicRow["status"], string>> = {
  PROVISIONING: "Setting up",
  FAILED: "Set-up failed",
};

/** The clinic's status; while it is being set up it follows the progress and refreshes the page when done. */
export function ClinicStatusBadge({ clinic }: { clinic: AdminClinicRow }) {
  const router = useRouter();
  const settingUp = clinic.status === "PROVISIONING";
  const progress = useClinicProgress(settingUp ? clinic.id : null);
  const status = progress.data?.status ?? clinic.status;
  useEffect(() => {
    if (settingUp && status !== "PROVISIONING") router.refresh();
  }, [settingUp, status, router]);

  return (
    <span className="flex flex-col items-start gap-1">
      <StatusBadge status={status} label={LABELS[status]} />
      {status === "FAILED" && clinic.statusReason ? (
        <span className="max-w-56 text-xs text-red-800">{clinic.statusReason}</span>
      ) : null}
      {status === "PROVISIONING" ? (
        <span className="text-xs text-slate-600">step: {progress.data?.step ?? clinic.provisioningStep}</span>
      ) : null}
    </span>
  );
}
