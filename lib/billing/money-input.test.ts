import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, minorToInput, parseMoneyInput } from "./money-input";

describe("money typed by staff", () => {
  it("knows each currency's minor-unit digits from Intl", () => {
    expect(["JPY", "EUR", "GBP", "USD", "BHD"].map(currencyDigits)).toEqual([0, 2, 2, 2, 3]);
  });

  it("reads amounts as integer minor units in the currency's digits", () => {
    expect(parseMoneyInput("12.50", "EUR")).toEqual({ ok: true, minor: 1250 });
    expect(parseMoneyInput("12,5", "GBP")).toEqual({ ok: true, minor: 1250 });
    expect(parseMoneyInput(" 1 200 ", "USD")).toEqual({ ok: true, minor: 120000 });
    expect(parseMoneyInput("0.10", "USD")).toEqual({ ok: true, minor: 10 });
    expect(parseMoneyInput("1500", "JPY")).toEqual({ ok: true, minor: 1500 });
    expect(parseMoneyInput("1.234", "BHD")).toEqual({ ok: true, minor: 1234 });
    expect(parseMoneyInput("0.1", "BHD")).toEqual({ ok: true, minor: 100 });
    expect(parseMoneyInput("0", "EUR")).toEqual({ ok: true, minor: 0 });
  });

  it("refuses more decimals than the currency has, saying how to write it", () => {
    expect(parseMoneyInput("12.345", "EUR")).toEqual({
      ok: false,
      message: "EUR has 2 decimals at most: enter an amount such as 12.50.",
    });
    expect(parseMoneyInput("1500.5", "JPY")).toEqual({
      ok: false,
      message: "JPY has no decimals: enter a whole amount such as 1500.",
    });
    expect(parseMoneyInput("1.2345", "BHD")).toMatchObject({ ok: false });
  });

  it("refuses negative amounts, signs and words", () => {
    for (const text of ["-5", "€5", "five", "", "1.2.3"]) {
      expect(parseMoneyInput(text, "EUR")).toMatchObject({
        ok: false,
        message: "Enter an amount such as 12.50, without the currency sign.",
      });
    }
    expect(parseMoneyInput("99999999999", "EUR")).toEqual({
      ok: false,
      message: "That amount is too large.",
    });
  });

  it("writes minor units back into a form field", () => {
    expect(minorToInput(1250, "EUR")).toBe("12.50");
    expect(minorToInput(5, "USD")).toBe("0.05");
    expect(minorToInput(1500, "JPY")).toBe("1500");
    expect(minorToInput(1234, "BHD")).toBe("1.234");
  });

  it("formats minor units for display in the clinic's currency", () => {
    expect(formatMoney(1250, "EUR")).toBe("€12.50");
    expect(formatMoney(1250, "GBP")).toBe("£12.50");
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(formatMoney(1234, "BHD")).toBe("BHD\u00a01.234");
    expect(formatMoney(-250, "EUR")).toBe("-€2.50");
    expect(formatMoney(1250, "EUR", "de")).toBe("12,50\u00a0€");
  });
});
