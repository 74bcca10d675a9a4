import type { ReactNode } from "react";
import { cn } from "./cn";

/** An inline message inside a form, dialog or panel: a refusal to read before trying again, or a note. */
export function Notice({ tone = "error", children }: { tone?: "error" | "info"; children: ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        tone === "error" ? "bg-red-50 text-red-800" : "bg-slate-50 text-slate-700",
      )}
    >
      {children}
    </p>
  );
}
