"use client";

import { Button } from "@/components/ui/button";
import { isUnavailableDigest } from "@/lib/db/database-unavailable";

/**
 * What a person sees when a page could not be rendered. Next hides server errors' messages from the
 * browser, but keeps their digest: an outage's digest says so (lib/db/database-unavailable.ts), and
 * then the page says "temporarily unavailable" and what to do, instead of a generic failure.
 */
export function RequestErrorNotice({ digest, reset }: { digest?: string; reset: () => void }) {
  const outage = isUnavailableDigest(digest);
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {outage ? "Temporarily unavailable" : "This page could not be loaded"}
        </h1>
        <p className="text-slate-700">
          {outage
            ? "The records cannot be reached right now, usually for a minute or two while a server restarts. Nothing you saved before is lost."
            : "Something went wrong while loading this page."}{" "}
          Please try again in a minute; if it keeps happening, tell your administrator
          {digest ? ` and quote reference ${digest}` : ""}.
        </p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
