"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
 * With nothing pending it asks first: such a run touches no clinic.
 */
export function FleetRollout({
  runningRunId,
  nothingPending,
}: {
  runningRunId: string | null;
  /** Every clinic is at the newest version and none has a failed migration. */
  nothingPending: boolean;
}) {
  const router = useRouter();
  const [runId, setRunId] = useState<string | null>(runningRunId);
  const [confirming, setConfirming] = useState(false);
  const start = useActionCall(startFleetRolloutAction, {
    message: "inline",
    onSuccess: (started) => {
      setConfirming(false);
      setRunId(started.runId);
    },
  });
  const progress = useQuery({
    queryKey: ["fleet-run", runId],
    queryFn: () => fetchProgress(runId as string),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.status === "RUNNING" || !query.state.data ? 1_000 : false),
  });
  const run = progress.data;
  const running = run?.status === "RUNNING";

  // Once the run ends (however soon: a run with nothing to do ends before the first poll), the
  // page's versions and run list are stale: draw them again, once per run.
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!run || run.status === "RUNNING" || refreshedFor.current === run.id) return;
    refreshedFor.current = run.id;
    router.refresh();
  }, [run, router]);

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
        <Button
          onClick={() => (nothingPending ? setConfirming(true) : start.call({}))}
          disabled={start.pending || running}
          className="self-start"
        >
          {start.pending ? "Starting…" : running ? "Rollout running…" : "Roll out pending migrations"}
        </Button>
        {start.error && !confirming ? <Notice>{start.error}</Notice> : null}
        {confirming ? (
          <ConfirmDialog
            title="Nothing is pending"
            confirmLabel="Roll out anyway"
            pendingLabel="Starting…"
            pending={start.pending}
            error={start.error}
            onConfirm={() => start.call({})}
            onClose={() => setConfirming(false)}
          >
            <p>
              Every clinic is already at the newest version and none has a failed migration, so there is
              nothing to roll out.
            </p>
            <p>
              A rollout now only applies the central database&apos;s pending migrations, if any, and checks
              each server&apos;s template; it does not touch any clinic.
            </p>
          </ConfirmDialog>
        ) : null}
        {progress.error && !run ? <Notice>{progress.error.message}</Notice> : null}
        {run ? <RunProgress run={run} /> : null}
      </CardContent>
    </Card>
  );
}

function RunProgress({ run }: { run: FleetRunProgress }) {
  const done = run.succeeded + run.upToDate + run.failed;
  return (
    <section aria-label="Rollout progress" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusBadge status={run.status} />
        <span>
          Started {formatDateTime(run.startedAt)}
          {run.finishedAt ? `, finished ${formatDateTime(run.finishedAt)}` : ""} · target{" "}
          <code className="break-all">{run.targetVersion ?? "—"}</code>
        </span>
      </div>
      <progress
        className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
        max={Math.max(run.total, 1)}
        value={run.total === 0 ? 1 : done}
        aria-label="Clinics done"
      />
      <p role="status" className="text-sm text-slate-800">
        {done} of {run.total} clinics done: {run.succeeded} updated, {run.upToDate} already up to date,{" "}
        {run.failed} failed
        {run.pending > 0 ? `, ${run.pending} to go` : ""}
        {run.skipped > 0 ? `, ${run.skipped} not attempted` : ""}.
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
