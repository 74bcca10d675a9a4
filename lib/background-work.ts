import { after } from "next/server";

const running = new Set<Promise<void>>();

/**
 * Keeps `work` (already running) alive after the response is sent: Next's `after()` inside a
 * request. Outside one (tests, scripts) `after` throws and there is nothing to extend: the promise
 * simply runs on. Its outcome must be recorded elsewhere (provisioning writes it on the clinic row,
 * a rollout on its run), so a failure is only logged, by name (no SQL, no clinic detail).
 */
export function continueAfterResponse(work: Promise<unknown>, label: string): void {
  const settled = work.then(
    () => undefined,
    (error: unknown) => {
      console.error(`[${label}] ended with ${error instanceof Error ? error.name : "an error"}`);
    },
  );
  running.add(settled);
  void settled.finally(() => running.delete(settled));
  try {
    after(settled);
  } catch {
    // No request scope: nothing to extend.
  }
}

/** Resolves once every piece of work handed to continueAfterResponse so far has ended (tests, shutdown). */
export async function settleBackgroundWork(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}
