import { seededRandom } from "../../lib/testing/seeded-random";

export type Distribution = "uniform" | "zipf";

/** Zipf's exponent unless told: a few clinics take most requests, a long tail the rest (s = 1.1). */
export const DEFAULT_ZIPF_EXPONENT = 1.1;

/**
 * Which of `count` hosts each next request goes to: "uniform" takes them in turn (round-robin),
 * "zipf" draws host i with weight 1 / (i + 1)^s from a seeded generator, so runs repeat.
 */
export function createHostPicker(options: {
  count: number;
  distribution: Distribution;
  seed: number;
  exponent?: number;
}) {
  const { count, distribution, exponent = DEFAULT_ZIPF_EXPONENT } = options;
  if (distribution === "uniform") {
    let next = 0;
    return () => next++ % count;
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += (i + 1) ** -exponent;
    cumulative.push(total);
  }
  const random = seededRandom(options.seed);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? total) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** The share of requests the `top` busiest hosts get under `distribution`. */
export function busyShare(options: {
  count: number;
  distribution: Distribution;
  top: number;
  exponent?: number;
}): number {
  const { count, distribution, exponent = DEFAULT_ZIPF_EXPONENT } = options;
  const top = Math.min(options.top, count);
  if (distribution === "uniform") return top / count;
  let busy = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const weight = (i + 1) ** -exponent;
    total += weight;
    if (i < top) busy += weight;
  }
  return busy / total;
}
