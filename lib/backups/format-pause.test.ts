import { describe, expect, it } from "vitest";
import { formatPause } from "./format-pause";

describe("formatPause", () => {
  it("says milliseconds below a second, never 0 ms", () => {
    expect(formatPause(0)).toBe("1 ms");
    expect(formatPause(0.4)).toBe("1 ms");
    expect(formatPause(49.6)).toBe("50 ms");
    expect(formatPause(999.4)).toBe("999 ms");
    expect(formatPause(999.6)).toBe("1.0 s");
  });

  it("says seconds with one decimal from a second on", () => {
    expect(formatPause(1000)).toBe("1.0 s");
    expect(formatPause(1449)).toBe("1.4 s");
    expect(formatPause(50_500)).toBe("50.5 s");
  });
});
