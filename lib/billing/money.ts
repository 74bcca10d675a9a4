import { AppError } from "@/lib/errors";

export type TaxTreatment = "RATED" | "ZERO_RATED" | "EXEMPT";

export type LineInput = {
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxTreatment: TaxTreatment;
  /** For RATED: basis points (2000 = 20 %). */
  taxRateBp: number | null;
  /** For EXEMPT: why, as printed. */
  exemptReason: string | null;
};

export type LineAmounts = { netMinor: number; taxMinor: number; totalMinor: number };

/** The largest amount a line or invoice may hold: the database stores 32-bit integers. */
export const MAX_MINOR = 2_147_483_647;

/**
 * Divides an integer by a positive integer and rounds half away from zero, in integers only
 * (no floats: 0.5 of a cent is decided exactly, the same way for refunds and charges).
 */
export function divideRounded(numerator: number, denominator: number): number {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

/**
 * A line's net, tax and total in minor units. The rounding rule, per line, half away from zero:
 * - prices exclude tax: net = qty × unit − discount, tax = round(net × rate), total = net + tax;
 * - prices include tax: total = qty × unit − discount, tax = round(total × rate / (1 + rate)),
 *   net = total − tax;
 * - zero-rated and exempt: tax 0 (exempt keeps its reason, printed on the invoice).
 * The invoice's totals are the sums of its lines' rounded amounts, so they always add up.
 */
export function computeLine(line: LineInput, pricesIncludeTax: boolean): LineAmounts {
  assertLine(line);
  const amount = line.quantity * line.unitPriceMinor - line.discountMinor;
  const rateBp = line.taxTreatment === "RATED" ? (line.taxRateBp ?? 0) : 0;
  if (pricesIncludeTax) {
    const taxMinor = divideRounded(amount * rateBp, 10_000 + rateBp);
    return checked({ netMinor: amount - taxMinor, taxMinor, totalMinor: amount });
  }
  const taxMinor = divideRounded(amount * rateBp, 10_000);
  return checked({ netMinor: amount, taxMinor, totalMinor: amount + taxMinor });
}

/** An invoice's subtotal, tax and total: the sums of its lines' stored amounts. */
export function sumLines(lines: LineAmounts[]): {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
} {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.netMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);
  if (Math.abs(subtotalMinor + taxMinor) > MAX_MINOR) throw tooLarge();
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

function assertLine(line: LineInput) {
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
    throw new AppError("INVALID", "The quantity must be a whole number of 1 or more.", {
      quantity: "Enter 1 or more.",
    });
  if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0)
    throw new AppError("INVALID", "The unit price cannot be negative.", { unitPrice: "Enter 0 or more." });
  if (!Number.isSafeInteger(line.discountMinor) || line.discountMinor < 0)
    throw new AppError("INVALID", "The discount cannot be negative.", { discount: "Enter 0 or more." });
  if (line.quantity * line.unitPriceMinor > MAX_MINOR) throw tooLarge();
  if (line.discountMinor > line.quantity * line.unitPriceMinor)
    throw new AppError("INVALID", "The discount cannot be more than the line's quantity × unit price.", {
      discount: "Make the discount no more than the line's amount.",
    });
  if (
    line.taxTreatment === "RATED" &&
    !(Number.isInteger(line.taxRateBp) && (line.taxRateBp ?? 0) > 0 && (line.taxRateBp ?? 0) <= 10_000)
  )
    throw new AppError("INVALID", "A taxed line needs a rate between 0.01 % and 100 %.", {
      taxRate: "Enter the rate.",
    });
  if (line.taxTreatment === "EXEMPT" && !line.exemptReason?.trim())
    throw new AppError("INVALID", "An exempt line needs the reason it is exempt: the invoice prints it.", {
      exemptReason: "Say why it is exempt.",
    });
}

function checked(amounts: LineAmounts): LineAmounts {
  if (Math.abs(amounts.totalMinor) > MAX_MINOR || Math.abs(amounts.netMinor) > MAX_MINOR) throw tooLarge();
  return amounts;
}

function tooLarge() {
  return new AppError("INVALID", "This amount is too large for one invoice: split it into several.");
}

/** A rate in basis points as a person writes it: 2000 → "20 %", 1250 → "12.5 %". */
export function formatRate(rateBp: number): string {
  return `${(rateBp / 100).toLocaleString("en", { maximumFractionDigits: 2 })} %`;
}
