import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PrintedSoFar } from "@/lib/documents/printing/print-list";

/**
 * Opens the document's PDF in a new tab to print: "Print" the first time, "Print copy" after, with
 * how often and when it was last printed (a reprint comes out marked COPY).
 */
export function PrintLink({
  href,
  label,
  printed,
  timeZone,
  hour12,
}: {
  href: string;
  /** What is printed, for screen readers: "prescription RX-000123". */
  label: string;
  printed: PrintedSoFar;
  timeZone: string;
  hour12: boolean;
}) {
  const times = printed ? (printed.count === 1 ? "once" : `${printed.count} times`) : null;
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <a
        href={href}
        target="_blank"
        rel="noopener"
        aria-label={`${printed ? "Print a copy of" : "Print"} ${label}`}
        className={cn(buttonClasses({ variant: printed ? "secondary" : "primary", size: "sm" }), "min-w-28")}
      >
        {printed ? "Print copy" : "Print"}
      </a>
      {printed ? (
        <span className="text-xs text-slate-600">
          Printed {times}, last {formatClinicDateTime(printed.lastAt, timeZone, { hour12 })}
        </span>
      ) : null}
    </div>
  );
}
