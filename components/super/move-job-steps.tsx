"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { getMoveJobAction } from "@/lib/actions/moves/get-move-job";
import { formatPause } from "@/lib/backups/format-pause";
import type { MoveJobProgress } from "@/lib/moves/console-move";
import type { MOVE_STEPS, MoveMethod, MoveStep } from "@/lib/moves/move-plan";
import { StepList } from "../ui/step-list";

// What each step of the move job (lib/moves/move-job.ts) means to the person waiting, by method.
const STEP_LABELS: { [M in MoveMethod]: Record<(typeof MOVE_STEPS)[M][number], string> } = {
  replication: {
    check: "Checking both servers can do it",
    role: "Creating the clinic's role on the new server",
    database: "Creating an empty database with the clinic's schema",
    access: "Locking it to the clinic alone",
    publish: "Publishing every table on the old server",
    subscribe: "Subscribing to them on the new server",
    copy: "Copying the rows",
    catchup: "Catching up with what was written meanwhile",
    cutover: "Switching over (the clinic pauses for a moment)",
    cleanup: "Removing the replication; closing the old database",
  },
  backup: {
    check: "Checking both servers can do it",
    role: "Creating the clinic's role on the new server",
    fence: "Pausing the clinic (until the move is done)",
    dump: "Copying its database out of the old server",
    create: "Creating an empty database on the new server",
    restore: "Loading the copy into it",
    verify: "Checking every row arrived",
    migrate: "Giving the clinic access to its records",
    access: "Locking it to the clinic alone",
    switch: "Switching over; the clinic works again",
    cleanup: "Closing the old database",
  },
};

const labelOf = (method: MoveMethod | null, step: MoveStep): string =>
  (STEP_LABELS[method ?? "replication"] as Partial<Record<MoveStep, string>>)[step] ?? step;

async function fetchMove(jobId: string): Promise<MoveJobProgress> {
  const result = await getMoveJobAction({ jobId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const isOver = (job?: MoveJobProgress) => job?.state === "SUCCEEDED" || job?.state === "FAILED";

/** A move's steps, polled twice a second until it ended, then its outcome; the page is re-read once. */
export function MoveJobSteps({ jobId, label }: { jobId: string; label: string }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: ["move-job", jobId],
    queryFn: () => fetchMove(jobId),
    refetchInterval: (state) => (isOver(state.state.data) ? false : 500),
  });
  const job = query.data;
  // The copy's "n of m tables" is on the job only while it copies: the last one seen stays on its line.
  const [lastCopy, setLastCopy] = useState<MoveJobProgress["copy"]>(null);
  const copy = job?.copy;
  useEffect(() => {
    if (copy) setLastCopy(copy);
  }, [copy]);
  const refreshed = useRef(false);
  useEffect(() => {
    if (!isOver(job) || refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [job, router]);
  if (!job) return <p className="text-sm text-slate-600">{query.error?.message ?? "Starting…"}</p>;
  const current = job.step ? job.steps.indexOf(job.step) : -1;
  const copied = job.copy && job.copy.total > 0 ? job.copy.done / job.copy.total : 0;
  const fraction = (Math.max(0, current) + (job.step === "copy" ? copied : 0)) / job.steps.length;
  const percent = job.state === "SUCCEEDED" ? 100 : Math.round(fraction * 100);
  const copyDone = current > job.steps.indexOf("copy") || job.state === "SUCCEEDED";
  const steps = job.steps.map((step) => ({
    key: step,
    label:
      step === "copy" && lastCopy
        ? `${labelOf(job.method, step)}: ${copyDone ? lastCopy.total : lastCopy.done} of ${lastCopy.total} tables`
        : labelOf(job.method, step),
  }));
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <ProgressBar label={label} percent={percent} failed={job.state === "FAILED"} />
      <StepList
        compact
        steps={steps}
        progress={{
          current: current < 0 ? null : current,
          finished: job.state === "SUCCEEDED",
          failed: job.state === "FAILED",
        }}
      />
      <MoveOutcome job={job} />
    </div>
  );
}

function MoveOutcome({ job }: { job: MoveJobProgress }) {
  if (job.state === "FAILED")
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-800">
        {job.error ?? "The move failed; the clinic still serves from its server."}
      </p>
    );
  if (job.state === "SUCCEEDED" && job.result) {
    const { method, toServer, fromServer, suspendedMs, keptDatabase } = job.result;
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm break-words text-green-900">
        Moved to {toServer}
        {method === "backup" ? " by backup and restore" : ""}; the clinic paused for{" "}
        {formatPause(suspendedMs)}; the old database is kept as{" "}
        <span className="font-mono break-all">{keptDatabase}</span> on {fromServer}, closed. Drop it there
        when it is no longer needed, then run{" "}
        <span className="font-mono break-words">
          npm run tenant:doctor -- --unkeep {fromServer}/{keptDatabase}
        </span>
        .
      </p>
    );
  }
  if (job.state === "QUEUED" && job.error)
    return (
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Being retried automatically. Last attempt: {job.error}
      </p>
    );
  return null;
}
