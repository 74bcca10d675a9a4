import { describe, expect, it } from "vitest";
import { formatMoney, minorToInput } from "@/lib/billing/money-input";
import { csvCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("prefixes cells a spreadsheet would run as formulas with an apostrophe", () => {
    expect(csvCell("=SUM(A1)")).toBe(`"'=SUM(A1)"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@cmd")).toBe(`"'@cmd"`);
    expect(csvCell("\tx")).toBe(`"'\tx"`);
    expect(csvCell("\rx")).toBe(`"'\rx"`);
  });

  it("leaves plain amounts, negative ones included, as numbers", () => {
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks as RFC 4180 asks", () => {
    expect(csvCell('Smith, "Jo"')).toBe(`"Smith, ""Jo"""`);
    expect(csvCell("line one\nline two")).toBe(`"line one\nline two"`);
    expect(
      toCsv([
        ["a", "b"],
        ["=1", "c,d"],
      ]),
    ).toBe(`a,b\r\n"'=1","c,d"\r\n`);
  });
});

describe("amounts", () => {
  it("writes minor units as decimals for the currency's digits without floats", () => {
    expect(minorToInput(1250, "USD")).toBe("12.50");
    expect(minorToInput(-5, "EUR")).toBe("-0.05");
    expect(minorToInput(1250, "JPY")).toBe("1250");
    expect(minorToInput(1250, "KWD")).toBe("1.250");
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
  });
});
