import type { ReactNode } from "react";

/** The frame of the calendar and the front desk's day inside the workspace shell (which owns <main>). */
export function FrontDeskMain({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <div aria-busy={busy || undefined} className="flex w-full flex-1 flex-col gap-6">
      {children}
    </div>
  );
}
