"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { useActionCall } from "@/components/ui/use-action-call";
import { startFleetRolloutAction } from "@/lib/actions/super/start-fleet-rollout";
import type { FleetRunProgress } from "@/lib/super/fleet";
import { formatDateTime } from "./format";

async function fetchProgress(runId: string): Promise<FleetRunProgress> {
  const response = await fetch(`/api/super/fleet/runs/${runId}`, { cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? "The rollout's progress could not be read.");
  }
  return (await response.json()) as FleetRunProgress;
}

/**
 * Starts a rollout and follows it: the action returns the run id at once, then this polls the run
 * every second until it ends. A run already under way when the page loads is followed the same way.
 */
export function FleetRollout({ runningRunId }: { runningRunId: string | null }) {
  const router = useRouter();
  const [runId, setRunId] = useState<string | null>(runningRunId);
  const start = useActionCall(startFleetRolloutAction, {
    message: "inline",
    refresh: false,
    onSuccess: (started) => setRunId(started.runId),
  });
  const progress = useQuery({
    queryKey: ["fleet-run", runId],
    queryFn: () => fetchProgress(runId as string),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.status === "RUNNING" || !query.state.data ? 1_000 : false),
  });
  const run = progress.data;
  const running = run?.status === "RUNNING";

  // Once the run ends, the page's counts and run list are stale: draw them again.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running) wasRunning.current = true;
    else if (wasRunning.current && run) {
      wasRunning.current = false;
      router.refresh();
    }
  }, [running, run, router]);

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Roll out</CardTitle>
        <CardDescription>
          Applies pending migrations to the central database, each server's template, then every active and
          suspended clinic, four at a time, past failures. One rollout runs at a time across the platform (the
          command line's included); clinics already at the newest version are not touched.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Button onClick={() => start.call({})} disabled={start.pending || running} className="self-start">
          {start.pending ? "Starting…" : running ? "Rollout running…" : "Roll out pending migrations"}
        </Button>
        {start.error ? <Notice>{start.error}</Notice> : null}
        {progress.error && !run ? <Notice>{progress.error.message}</Notice> : null}
        {run ? <RunProgress run={run} /> : null}
      </CardContent>
    </Card>
  );
}

function RunProgress({ run }: { run: FleetRunProgress }) {
  const done = run.succeeded + run.failed;
  return (
    <section aria-label="Rollout progress" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusBadge status={run.status} />
        <span>
          Started {formatDateTime(run.startedAt)}
          {run.finishedAt ? `, finished ${formatDateTime(run.finishedAt)}` : ""} · target{" "}
          <code>{run.targetVersion ?? "—"}</code>
        </span>
      </div>
      <progress
        className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
        max={Math.max(run.total, 1)}
        value={run.total === 0 ? 1 : done}
        aria-label="Clinics done"
      />
      <p role="status" className="text-sm text-slate-800">
        {done} of {run.total} clinics done: {run.succeeded} succeeded, {run.failed} failed
        {run.pending > 0 ? `, ${run.pending} to go` : ""}
        {run.skipped > 0 ? `, ${run.skipped} skipped` : ""}.
      </p>
      {run.error ? <Notice>{run.error}</Notice> : null}
      {run.failures.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-slate-900">Failed clinics</h3>
          <ul className="flex flex-col gap-2 text-sm">
            {run.failures.map((failure) => (
              <li key={failure.subdomain} className="rounded-md bg-red-50 px-3 py-2 text-red-900">
                <strong>{failure.subdomain}</strong>: {failure.error ?? "no error recorded"}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-600">
            Fix the cause, then roll out again: only clinics that are behind or failed are attempted.
          </p>
        </div>
      ) : null}
    </section>
  );
}
