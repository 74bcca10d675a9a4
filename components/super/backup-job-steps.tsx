import { ProgressBar } from "@/components/ui/progress-bar";
import { formatPause } from "@/lib/backups/format-pause";
import type { BackupJobProgress } from "@/lib/backups/job-progress";
import { StepList } from "../ui/step-list";
import { formatBytes } from "./format";

// What each step of the backup and restore jobs (lib/backups) means to the person waiting.
const STEP_LABELS: Record<string, string> = {
  lock: "Waiting for the clinic's other work to finish",
  snapshot: "Freezing a consistent view of the data",
  manifest: "Counting and fingerprinting every table",
  dump: "Writing the encrypted backup file",
  copy: "Copying it to the second backup disk",
  check: "Checking the backup file is intact",
  decrypt: "Decrypting and verifying every chunk",
  create: "Creating a fresh database beside the live one",
  restore: "Loading the backup into it",
  verify: "Comparing every table with the backup's fingerprint",
  migrate: "Bringing it up to the current schema",
  access: "Locking it to the clinic alone",
  swap: "Swapping it in (the clinic pauses briefly)",
  role: "Creating the new clinic's own database login",
  activate: "Opening the new clinic",
};

// A restore into a new clinic has no live database beside it.
const COPY_LABELS: Record<string, string> = {
  create: "Creating the new clinic's database",
  access: "Locking it to the new clinic alone",
};

// A restore to a moment (lib/pitr) rebuilds the database from the server's archive, not from a file.
const MOMENT_LABELS: Record<string, string> = {
  check: "Checking the moment is inside the recoverable window",
  "restore-instance": "Restoring the server's last backup before it (this clinic only)",
  recover: "Replaying the archived changes up to the moment",
  dump: "Copying the clinic's data as it was then",
  restore: "Loading it into the fresh database",
  verify: "Comparing every table with that copy's fingerprint",
};

const KIND_LABELS: Partial<Record<BackupJobProgress["kind"], Record<string, string>>> = {
  "restore-into-clinic": COPY_LABELS,
  "pitr-restore-clinic": MOMENT_LABELS,
};

function labelOf(job: BackupJobProgress, step: string): string {
  return KIND_LABELS[job.kind]?.[step] ?? STEP_LABELS[step] ?? step;
}

/** A backup's or restore's steps with a bar above them, and its outcome once it ended. */
export function BackupJobSteps({ job, label }: { job: BackupJobProgress; label: string }) {
  // The copy step runs only when BACKUP_COPY_DIR is set: a finished backup without it skipped it.
  const steps = job.steps.filter((step) => step !== "copy" || job.step === "copy");
  const current = Math.max(0, steps.indexOf(job.step ?? ""));
  const percent =
    job.state === "SUCCEEDED" ? 100 : job.step ? Math.round((current / Math.max(1, steps.length)) * 100) : 0;
  return (
    <div className="flex flex-col gap-3">
      <ProgressBar label={label} percent={percent} failed={job.state === "FAILED"} />
      <StepList
        compact
        steps={steps.map((step) => ({ key: step, label: labelOf(job, step) }))}
        progress={{
          current: job.step ? current : null,
          finished: job.state === "SUCCEEDED",
          failed: job.state === "FAILED",
        }}
      />
      <JobOutcome job={job} />
    </div>
  );
}

function JobOutcome({ job }: { job: BackupJobProgress }) {
  if (job.state === "FAILED") {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {job.error ?? "It failed."}{" "}
        {job.kind.startsWith("backup")
          ? "Earlier backups are untouched. Fix the cause named above, then back up again."
          : "Fix the cause named above, then restore again; nothing else needs undoing."}
      </p>
    );
  }
  if (job.state === "SUCCEEDED" && job.restore) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        Restored. The clinic paused for {formatPause(job.restore.suspendedMs)}. Its database from before the
        restore is kept as <span className="break-all font-mono">{job.restore.asideDatabase}</span>.
      </p>
    );
  }
  if (job.state === "SUCCEEDED" && job.copy) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        Restored as the new clinic {job.copy.name} at {job.copy.subdomain}, verified against the backup. The
        source clinic was not touched.
      </p>
    );
  }
  if (job.state === "SUCCEEDED") {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        Backed up{job.backup ? ` (${formatBytes(job.backup.sizeBytes)}, encrypted)` : ""}.
      </p>
    );
  }
  if (job.state === "QUEUED" && job.error) {
    return (
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Being retried automatically. Last attempt: {job.error}
      </p>
    );
  }
  return null;
}
