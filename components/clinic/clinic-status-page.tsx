import type { ReactNode } from "react";

/** A whole page for a clinic that cannot be used now (suspended, being set up). */
export function ClinicStatusPage({
  title,
  children,
  refreshSeconds,
}: {
  title: string;
  children: ReactNode;
  refreshSeconds?: number;
}) {
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      {refreshSeconds ? <meta httpEquiv="refresh" content={String(refreshSeconds)} /> : null}
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="text-slate-700">{children}</p>
      </div>
    </main>
  );
}
