/**
 * How long a swap (a restore's or a move's) paused the clinic, for the console and the command
 * line alike: "62 ms" below a second (never "0 ms": a swap always takes some), "1.4 s" from there.
 */
export function formatPause(ms: number): string {
  const rounded = Math.max(1, Math.round(ms));
  return rounded < 1000 ? `${rounded} ms` : `${(ms / 1000).toFixed(1)} s`;
}
