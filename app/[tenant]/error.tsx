"use client";

import { Button } from "@/components/ui/button";

// Server errors reach the browser without their message (Next redacts them), so this page says
// what usually helps: the clinic's database was busy or briefly unreachable.
export default function ClinicError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">This page could not be loaded</h1>
        <p className="text-slate-700">
          The clinic&apos;s database is busy or briefly unreachable. Try again in a moment; if it keeps
          happening, tell your clinic administrator.
        </p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
