import { describe, expect, it } from "vitest";
import { RECENT_USE_HALF_LIFE_MS, RecentUse } from "./recent-use";

describe("RecentUse", () => {
  it("counts uses, each worth half as much one half-life later", () => {
    const use = new RecentUse();
    expect(use.valueAt(0)).toBe(0);
    use.record(1_000);
    use.record(1_000);
    expect(use.valueAt(1_000)).toBe(2);
    expect(use.valueAt(1_000 + RECENT_USE_HALF_LIFE_MS)).toBeCloseTo(1, 10);
    use.record(1_000 + 2 * RECENT_USE_HALF_LIFE_MS);
    expect(use.valueAt(1_000 + 2 * RECENT_USE_HALF_LIFE_MS)).toBeCloseTo(1.5, 10);
  });

  it("ranks a clinic asked often a minute ago above one asked once just now", () => {
    const busy = new RecentUse();
    for (let i = 0; i < 10; i++) busy.record(i * 1_000);
    const tail = new RecentUse();
    tail.record(70_000);
    expect(busy.valueAt(70_000)).toBeGreaterThan(tail.valueAt(70_000));
  });
});
