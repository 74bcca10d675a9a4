import { ProgressBar } from "@/components/ui/progress-bar";
import type { ClinicProgress } from "@/lib/admin/clinic-progress";
import { cn } from "../ui/cn";

// What each step of ClinicDatabaseService's state machine means to the person waiting.
const STEP_LABELS: Record<string, string> = {
  registered: "Address reserved",
  role: "Database role created",
  database: "Database created",
  access: "Access locked to the clinic alone",
  migrations: "Clinic tables set up",
  seed: "First location and your owner account added",
  active: "Ready to open",
};

type StepState = "done" | "current" | "failed" | "pending";

const MARKS: Record<StepState, { mark: string; className: string; sr: string }> = {
  done: { mark: "✓", className: "bg-green-600 text-white", sr: "done" },
  current: { mark: "…", className: "bg-brand-600 text-white animate-pulse", sr: "in progress" },
  failed: { mark: "✕", className: "bg-red-600 text-white", sr: "failed" },
  pending: { mark: "", className: "bg-slate-200 text-slate-500", sr: "to do" },
};

function stateOf(index: number, current: number, status: ClinicProgress["status"]): StepState {
  if (status === "ACTIVE" || index < current) return "done";
  if (index > current) return "pending";
  return status === "FAILED" ? "failed" : "current";
}

/** The provisioning steps as a list with a progress bar above it. */
export function ProvisioningSteps({ progress, label }: { progress: ClinicProgress; label: string }) {
  const current = Math.max(0, progress.steps.indexOf(progress.step ?? "registered"));
  const last = progress.steps.length - 1;
  const percent = progress.status === "ACTIVE" ? 100 : Math.round((current / last) * 100);
  return (
    <div className="flex flex-col gap-4">
      <ProgressBar label={label} percent={percent} failed={progress.status === "FAILED"} />
      <ol className="flex flex-col gap-2">
        {progress.steps.map((step, index) => {
          const state = stateOf(index, current, progress.status);
          const { mark, className, sr } = MARKS[state];
          return (
            <li key={step} className="flex items-center gap-3 text-sm">
              <span
                aria-hidden="true"
                className={cn("grid size-6 shrink-0 place-items-center rounded-full text-xs", className)}
              >
                {mark}
              </span>
              <span className={state === "pending" ? "text-slate-500" : "text-slate-900"}>
                {STEP_LABELS[step] ?? step}
                <span className="sr-only"> ({sr})</span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
