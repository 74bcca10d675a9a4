import { cn } from "./cn";

type StepState = "done" | "current" | "failed" | "pending";

/** Where a job is: the index of its step under way (null before it started), and how it ended. */
export type StepProgress = { current: number | null; finished: boolean; failed: boolean };

const MARKS: Record<StepState, { mark: string; className: string; sr: string }> = {
  done: { mark: "✓", className: "bg-green-600 text-white", sr: "done" },
  current: { mark: "…", className: "bg-brand-600 text-white animate-pulse", sr: "in progress" },
  failed: { mark: "✕", className: "bg-red-600 text-white", sr: "failed" },
  pending: { mark: "", className: "bg-slate-200 text-slate-500", sr: "to do" },
};

function stateOf(index: number, progress: StepProgress): StepState {
  if (progress.finished) return "done";
  if (progress.current === null || index > progress.current) return "pending";
  if (index < progress.current) return "done";
  return progress.failed ? "failed" : "current";
}

/**
 * A long job's steps as a checklist (done, in progress, failed, to do), each state also spelled out
 * for screen readers. Used by clinic set-up, backups and restores.
 */
export function StepList({
  steps,
  progress,
  compact = false,
}: {
  steps: { key: string; label: string }[];
  progress: StepProgress;
  compact?: boolean;
}) {
  return (
    <ol className={cn("flex flex-col", compact ? "gap-1.5" : "gap-2")}>
      {steps.map((step, index) => {
        const state = stateOf(index, progress);
        const { mark, className, sr } = MARKS[state];
        return (
          <li key={step.key} className="flex items-center gap-3 text-sm">
            <span
              aria-hidden="true"
              className={cn(
                "grid shrink-0 place-items-center rounded-full text-xs",
                compact ? "size-5" : "size-6",
                className,
              )}
            >
              {mark}
            </span>
            <span className={state === "pending" ? "text-slate-500" : "text-slate-900"}>
              {step.label}
              <span className="sr-only"> ({sr})</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
