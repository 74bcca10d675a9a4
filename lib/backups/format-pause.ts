/**
 * How long a swap (a restore's or a move's) paused the clinic, for the console and the command
 * line alike: "62 ms" below a second (never "0 ms": a swap always takes some), "1.4 s" from there.
 */
export function formatPause(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}
