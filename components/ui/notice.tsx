import type { ReactNode } from "react";
import { cn } from "./cn";

/** An inline message inside a form, dialog or panel: a refusal to read before trying again, or a note. */
const TONES = {
  error: "bg-red-50 text-red-800",
  warning: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200",
  info: "bg-slate-50 text-slate-700",
};

export function Notice({
  tone = "error",
  children,
}: {
  tone?: "error" | "warning" | "info";
  children: ReactNode;
}) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-md px-3 py-2 text-sm", TONES[tone])}
    >
      {children}
    </p>
  );
}
