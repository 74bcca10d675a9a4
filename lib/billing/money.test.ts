import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "@/lib/billing/money-input";
import { computeLine, divideRounded, type LineInput, sumLines } from "./money";

const rated = (rateBp: number): Pick<LineInput, "taxTreatment" | "taxRateBp" | "exemptReason"> => ({
  taxTreatment: "RATED",
  taxRateBp: rateBp,
  exemptReason: null,
});
const zeroRated = { taxTreatment: "ZERO_RATED", taxRateBp: null, exemptReason: null } as const;
const exempt = { taxTreatment: "EXEMPT", taxRateBp: null, exemptReason: "Medical care" } as const;

describe("computeLine: per line, half away from zero", () => {
  const table: [string, LineInput, boolean, [number, number, number]][] = [
    [
      "exclusive 20 % on 10.00",
      { quantity: 1, unitPriceMinor: 1000, discountMinor: 0, ...rated(2000) },
      false,
      [1000, 200, 1200],
    ],
    [
      "exclusive 20 % on 3 × 3.33",
      { quantity: 3, unitPriceMinor: 333, discountMinor: 0, ...rated(2000) },
      false,
      [999, 200, 1199],
    ],
    [
      "exclusive half cent rounds up: 0.25 at 10 %",
      { quantity: 1, unitPriceMinor: 25, discountMinor: 0, ...rated(1000) },
      false,
      [25, 3, 28],
    ],
    [
      "exclusive just under half rounds down: 0.24 at 10 %",
      { quantity: 1, unitPriceMinor: 24, discountMinor: 0, ...rated(1000) },
      false,
      [24, 2, 26],
    ],
    [
      "exclusive with a discount",
      { quantity: 2, unitPriceMinor: 5000, discountMinor: 1500, ...rated(2000) },
      false,
      [8500, 1700, 10200],
    ],
    [
      "exclusive 12.5 %",
      { quantity: 1, unitPriceMinor: 999, discountMinor: 0, ...rated(1250) },
      false,
      [999, 125, 1124],
    ],
    [
      "inclusive 20 % on 12.00",
      { quantity: 1, unitPriceMinor: 1200, discountMinor: 0, ...rated(2000) },
      true,
      [1000, 200, 1200],
    ],
    [
      "inclusive 20 % on 10.00",
      { quantity: 1, unitPriceMinor: 1000, discountMinor: 0, ...rated(2000) },
      true,
      [833, 167, 1000],
    ],
    [
      "inclusive half rounds away from zero: 0.03 at 100 %",
      { quantity: 1, unitPriceMinor: 3, discountMinor: 0, ...rated(10000) },
      true,
      [1, 2, 3],
    ],
    [
      "inclusive with a discount",
      { quantity: 3, unitPriceMinor: 1100, discountMinor: 300, ...rated(1000) },
      true,
      [2727, 273, 3000],
    ],
    [
      "zero-rated exclusive",
      { quantity: 2, unitPriceMinor: 1999, discountMinor: 0, ...zeroRated },
      false,
      [3998, 0, 3998],
    ],
    [
      "zero-rated inclusive",
      { quantity: 2, unitPriceMinor: 1999, discountMinor: 0, ...zeroRated },
      true,
      [3998, 0, 3998],
    ],
    [
      "exempt exclusive",
      { quantity: 1, unitPriceMinor: 7500, discountMinor: 500, ...exempt },
      false,
      [7000, 0, 7000],
    ],
    [
      "exempt inclusive",
      { quantity: 1, unitPriceMinor: 7500, discountMinor: 500, ...exempt },
      true,
      [7000, 0, 7000],
    ],
    ["a free line", { quantity: 1, unitPriceMinor: 0, discountMinor: 0, ...rated(2000) }, false, [0, 0, 0]],
    [
      "a discount of the whole line",
      { quantity: 2, unitPriceMinor: 400, discountMinor: 800, ...rated(2000) },
      true,
      [0, 0, 0],
    ],
  ];
  it.each(table)("%s", (_name, line, inclusive, [netMinor, taxMinor, totalMinor]) => {
    expect(computeLine(line, inclusive)).toEqual({ netMinor, taxMinor, totalMinor });
  });

  it("always has net + tax = total, for every amount at an awkward rate", () => {
    for (let unit = 0; unit < 2000; unit += 7) {
      for (const inclusive of [true, false]) {
        const line = computeLine(
          { quantity: 3, unitPriceMinor: unit, discountMinor: 0, ...rated(1750) },
          inclusive,
        );
        expect(line.netMinor + line.taxMinor).toBe(line.totalMinor);
      }
    }
  });

  it("rounds negative amounts half away from zero too (credit notes mirror invoices)", () => {
    expect(divideRounded(-25_000, 10_000)).toBe(-3);
    expect(divideRounded(25_000, 10_000)).toBe(3);
    expect(divideRounded(-24_999, 10_000)).toBe(-2);
  });

  it("refuses negative quantities, negative prices and discounts over the line, saying what to fix", () => {
    const base = { quantity: 1, unitPriceMinor: 1000, discountMinor: 0, ...exempt };
    expect(() => computeLine({ ...base, quantity: -1 }, false)).toThrow(
      "quantity must be a whole number of 1 or more",
    );
    expect(() => computeLine({ ...base, quantity: 0 }, false)).toThrow("1 or more");
    expect(() => computeLine({ ...base, unitPriceMinor: -5 }, false)).toThrow(
      "unit price cannot be negative",
    );
    expect(() => computeLine({ ...base, discountMinor: 1001 }, false)).toThrow(
      "discount cannot be more than",
    );
    expect(() => computeLine({ ...base, discountMinor: -1 }, false)).toThrow("discount cannot be negative");
    expect(() => computeLine({ ...base, exemptReason: " " }, false)).toThrow("reason it is exempt");
    expect(() => computeLine({ ...base, ...rated(0) }, false)).toThrow("needs a rate");
    expect(() => computeLine({ ...base, quantity: 1000, unitPriceMinor: 2_147_484 }, false)).toThrow(
      "too large",
    );
  });

  it("sums an invoice from its lines' rounded amounts", () => {
    const lines = [
      computeLine({ quantity: 1, unitPriceMinor: 1000, discountMinor: 0, ...rated(2000) }, true),
      computeLine({ quantity: 1, unitPriceMinor: 1000, discountMinor: 0, ...rated(2000) }, true),
    ];
    expect(sumLines(lines)).toEqual({ subtotalMinor: 1666, taxMinor: 334, totalMinor: 2000 });
  });
});

describe("money as people read and type it", () => {
  it("formats with the currency's own minor-unit digits", () => {
    expect(formatMoney(12345, "USD")).toBe("$123.45");
    expect(formatMoney(12345, "JPY")).toBe("¥12,345");
    expect(formatMoney(12345, "BHD")).toBe("BHD\u00a012.345");
    expect(formatMoney(-500, "EUR")).toBe("-€5.00");
  });

  it("parses typed amounts exactly, refusing extra digits and signs", () => {
    expect(parseMoney("12.50", "USD")).toBe(1250);
    expect(parseMoney("1,250.5", "USD")).toBe(125050);
    expect(parseMoney("0.1", "USD")).toBe(10);
    expect(parseMoney("19.99", "USD")).toBe(1999);
    expect(parseMoney("500", "JPY")).toBe(500);
    expect(parseMoney("5.5", "JPY")).toBeNull();
    expect(parseMoney("1.005", "USD")).toBeNull();
    expect(parseMoney("-1", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
  });
});
