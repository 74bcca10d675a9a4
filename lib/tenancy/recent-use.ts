/** Half-life of a clinic's use count: a clinic busy a minute ago counts a quarter of what it did. */
export const RECENT_USE_HALF_LIFE_MS = 30_000;

/**
 * How much a clinic has been used lately: its requests, each counting less as it ages (halved every
 * RECENT_USE_HALF_LIFE_MS). Used to choose whose connection to close for another clinic: under skewed
 * traffic the least recently used clinic is often a busy one between two requests, while a clinic
 * of the long tail, just served once, is unlikely to be asked again soon.
 */
export class RecentUse {
  private score = 0;
  private at = 0;

  record(now: number): void {
    this.score = this.valueAt(now) + 1;
    this.at = now;
  }

  valueAt(now: number): number {
    return this.score * 2 ** (-(now - this.at) / RECENT_USE_HALF_LIFE_MS);
  }
}
