"use client";

import { useQuery } from "@tanstack/react-query";
import type { BackupJobProgress } from "@/lib/backups/job-progress";

async function fetchBackupJob(jobId: string): Promise<BackupJobProgress> {
  const response = await fetch(`/api/backups/jobs/${jobId}`, { cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? "The progress could not be read.");
  return body as BackupJobProgress;
}

/** A backup's or restore's job, polled twice a second until it succeeded or failed. */
export function useBackupJob(jobId: string | null) {
  return useQuery({
    queryKey: ["backup-job", jobId],
    queryFn: () => fetchBackupJob(jobId as string),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === "SUCCEEDED" || state === "FAILED" ? false : 500;
    },
  });
}
