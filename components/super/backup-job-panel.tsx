"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Notice } from "../ui/notice";
import { BackupJobSteps } from "./backup-job-steps";
import { useBackupJob } from "./use-backup-job";

/** Follows one backup or restore job live; once it ends the page is read again (once). */
export function BackupJobPanel({ jobId, label }: { jobId: string; label: string }) {
  const router = useRouter();
  const progress = useBackupJob(jobId);
  const job = progress.data;
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (!job || (job.state !== "SUCCEEDED" && job.state !== "FAILED") || refreshed.current === job.id) return;
    refreshed.current = job.id;
    router.refresh();
  }, [job, router]);
  if (progress.error && !job) return <Notice>{progress.error.message} Still trying…</Notice>;
  if (!job) return <p className="text-sm text-slate-600">Starting…</p>;
  return (
    <section aria-live="polite" className="min-w-0">
      <BackupJobSteps job={job} label={label} />
    </section>
  );
}
