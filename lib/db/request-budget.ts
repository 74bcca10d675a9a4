import { cache } from "react";

/**
 * How long this request has waited on databases so far: React's `cache` keeps one value per server
 * request (pages, their layouts, server actions); outside a request every call starts afresh.
 */
const waited = cache(() => ({ ms: 0 }));

/**
 * Runs `work` within the request's database budget: the waits of one request (a clinic's row, a
 * pool slot, its queries, one after another) draw from one allowance of `budgetMs`, so a silent
 * server holds a request at most that long however many waits it passes. Time between waits (a
 * body still uploading, rendering) is not counted; waits side by side each count in full. Past the
 * budget it rejects with `late()`; the abandoned wait still ends by its own timeout.
 */
export async function withinRequestBudget<T>(
  budgetMs: number,
  late: () => Error,
  work: () => Promise<T>,
): Promise<T> {
  const spent = waited();
  const remaining = budgetMs - spent.ms;
  if (remaining <= 0) throw late();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), remaining);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
    spent.ms += performance.now() - started;
  }
}
