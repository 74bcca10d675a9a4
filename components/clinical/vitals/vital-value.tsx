import { cn } from "@/components/ui/cn";
import type { VitalsCell } from "@/lib/clinical/vital-display";

const FLAG_WORDS = { HIGH: "high", LOW: "low" } as const;

/** A value as entered with its unit; a flagged one in colour with an arrow and the word for screen readers. */
export function VitalValue({ cell }: { cell: VitalsCell | undefined }) {
  if (!cell) return <span className="text-slate-400">–</span>;
  if (!cell.flag) return <span className="whitespace-nowrap">{cell.text}</span>;
  return (
    <span
      className={cn(
        "whitespace-nowrap font-semibold",
        cell.flag === "HIGH" ? "text-red-700" : "text-amber-800",
      )}
      title={`Outside the usual range for this age: ${FLAG_WORDS[cell.flag]}`}
    >
      {cell.text} <span aria-hidden="true">{cell.flag === "HIGH" ? "↑" : "↓"}</span>
      <span className="sr-only"> ({FLAG_WORDS[cell.flag]})</span>
    </span>
  );
}
