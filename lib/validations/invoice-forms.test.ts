import { describe, expect, it } from "vitest";
import { freeLineFormSchema, lineFieldOf, minorOf, refundFormSchema } from "./invoice-forms";

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the invoice page's forms", () => {
  it("takes a zero-rated free-text line with amounts as people type them", () => {
    const line = {
      description: "Leaflet",
      quantity: "2",
      price: "12,50",
      discount: "",
      taxTreatment: "ZERO_RATED",
    };
    expect(freeLineFormSchema("EUR").safeParse(line).success).toBe(true);
    expect(minorOf("12,50", "EUR")).toBe(1250);
    expect(minorOf("", "EUR")).toBe(0);
  });

  it("refuses a negative price, a quantity of 0, a rated line without a rate and an exempt one without a reason", () => {
    const base = { description: "Leaflet", quantity: "1", price: "5", discount: "" };
    expect(
      messages(
        freeLineFormSchema("EUR").safeParse({ ...base, price: "-1", quantity: "0", taxTreatment: "RATED" }),
      ),
    ).toEqual({
      price: "Enter an amount such as 12.50, without the currency sign.",
      quantity: "Enter a quantity from 1 to 10,000.",
      taxRate: "Enter a tax rate from 0.01 to 100 %, e.g. 20 or 7.5.",
    });
    expect(messages(freeLineFormSchema("EUR").safeParse({ ...base, taxTreatment: "EXEMPT" }))).toEqual({
      exemptReason: "Say why it is exempt, as the invoice prints it, e.g. Medical care.",
    });
  });

  it("refuses a refund with more decimals than the currency has, or no reason", () => {
    expect(
      messages(refundFormSchema("JPY").safeParse({ amount: "40.5", method: "CASH", reason: "" })),
    ).toEqual({
      amount: "JPY has no decimals: enter a whole amount such as 1500.",
      reason: "Say why the money is given back.",
    });
  });

  it("shows the server's refusals at the form's fields", () => {
    expect(
      ["line.unitPriceMinor", "unitPrice", "line.discountMinor", "line.taxRateBp", "quantity"].map(
        lineFieldOf,
      ),
    ).toEqual(["price", "price", "discount", "taxRate", "quantity"]);
  });
});
