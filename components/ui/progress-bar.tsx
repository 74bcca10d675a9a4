import { cn } from "./cn";

/** A job's progress as a bar: `percent` 0–100, red once the job failed. */
export function ProgressBar({ label, percent, failed }: { label: string; percent: number; failed: boolean }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-300",
          failed ? "bg-red-600" : "bg-brand-600",
        )}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
