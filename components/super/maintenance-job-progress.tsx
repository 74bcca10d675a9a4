"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Notice } from "@/components/ui/notice";
import { getMaintenanceJobAction } from "@/lib/actions/maintenance/get-maintenance-job";
import type { MaintenanceJobProgress } from "@/lib/maintenance/maintenance-service";

const VERBS = { vacuum: "Vacuum", reindex: "Reindex" } as const;

async function fetchJob(jobId: string): Promise<MaintenanceJobProgress> {
  const result = await getMaintenanceJobAction({ jobId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Follows a vacuum or reindex job each second until it ends, then re-reads the page's figures once. */
export function MaintenanceJobProgressLine({ jobId, subdomain }: { jobId: string; subdomain: string }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: ["maintenance-job", jobId],
    queryFn: () => fetchJob(jobId),
    refetchInterval: (state) => {
      const job = state.state.data;
      return !job || job.state === "QUEUED" || job.state === "RUNNING" ? 1_000 : false;
    },
  });
  const job = query.data;
  const ended = job?.state === "SUCCEEDED" || job?.state === "FAILED";
  const refreshed = useRef(false);
  useEffect(() => {
    if (!ended || refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [ended, router]);

  if (query.error && !job) return <Notice>{query.error.message}</Notice>;
  if (!job) return <p className="text-sm text-slate-600">Starting…</p>;
  const verb = VERBS[job.operation];
  const label = `${verb} of ${subdomain}`;
  if (job.state === "FAILED") return <Notice>{job.error ?? `${label} failed.`}</Notice>;
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <progress
        className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
        max={job.tables?.total ?? 1}
        value={job.state === "SUCCEEDED" ? (job.tables?.total ?? 1) : (job.tables?.done ?? 0)}
        aria-label={`${label} progress`}
      />
      <p role="status" className="text-sm text-slate-800">
        {job.state === "SUCCEEDED"
          ? `${verb} done: ${job.tables?.total ?? "all"} tables.`
          : job.state === "QUEUED"
            ? `${verb} queued…`
            : job.tables
              ? `${verb}: ${job.step}`
              : `${verb}: ${job.step === "cleanup" ? "removing what an interrupted reindex left" : "starting"}…`}
      </p>
    </div>
  );
}
