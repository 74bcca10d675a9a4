import { ProgressBar } from "@/components/ui/progress-bar";
import type { ClinicProgress } from "@/lib/admin/clinic-progress";
import { StepList } from "../ui/step-list";

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

/** The provisioning steps as a list with a progress bar above it. */
export function ProvisioningSteps({ progress, label }: { progress: ClinicProgress; label: string }) {
  const current = Math.max(0, progress.steps.indexOf(progress.step ?? "registered"));
  const last = progress.steps.length - 1;
  const percent = progress.status === "ACTIVE" ? 100 : Math.round((current / last) * 100);
  return (
    <div className="flex flex-col gap-4">
      <ProgressBar label={label} percent={percent} failed={progress.status === "FAILED"} />
      <StepList
        steps={progress.steps.map((step) => ({ key: step, label: STEP_LABELS[step] ?? step }))}
        progress={{ current, finished: progress.status === "ACTIVE", failed: progress.status === "FAILED" }}
      />
    </div>
  );
}
