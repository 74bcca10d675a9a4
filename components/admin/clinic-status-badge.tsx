"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ClinicAttention } from "@/lib/admin/clinic-attention";
import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { StatusBadge } from "../ui/status-badge";
import { ClinicAttentionNote } from "./clinic-attention-note";
import { useClinicProgress } from "./use-clinic-progress";

// How the console names the statuses of a clinic's set-up.
const LABELS: Partial<Record<AdminClinicRow["status"], string>> = {
  PROVISIONING: "Setting up",
  FAILED: "Set-up failed",
  DELETING: "Being deleted",
};

/**
 * The clinic's status with what is under way or why it is stuck; while it is being set up it
 * follows the progress and refreshes the page when done.
 */
export function ClinicStatusBadge({ clinic }: { clinic: AdminClinicRow }) {
  const router = useRouter();
  const settingUp = clinic.status === "PROVISIONING";
  const progress = useClinicProgress(settingUp ? clinic.id : null);
  const status = progress.data?.status ?? clinic.status;
  useEffect(() => {
    if (settingUp && status !== "PROVISIONING") router.refresh();
  }, [settingUp, status, router]);
  const live: ClinicAttention | null =
    settingUp && progress.data?.status === "PROVISIONING"
      ? { kind: "working", label: "being set up", step: progress.data.step, retrying: progress.data.retrying }
      : clinic.attention;

  return (
    <span className="flex flex-col items-start gap-1">
      <StatusBadge status={status} label={LABELS[status]} />
      {live && status === clinic.status ? <ClinicAttentionNote attention={live} /> : null}
    </span>
  );
}
