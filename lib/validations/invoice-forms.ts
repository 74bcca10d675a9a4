import { z } from "zod";
import { parseMoneyInput } from "../billing/money-input";
import { PAYMENT_METHODS } from "./payments";
import { percentToBp, TAX_TREATMENTS } from "./price-list";

// The invoice page's forms ask in people's terms (amounts as typed, a rate in %); their toInput
// turns the checked values into the actions' schemas in lib/validations/invoices.ts and payments.ts.

const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, "Enter a whole number of 1 or more.")
  .refine((text) => Number(text) >= 1 && Number(text) <= 10_000, "Enter a quantity from 1 to 10,000.");

const amount = z.string().trim().max(20, "That amount is too large.");

/** Amounts typed for `currency`: a required one must be there, an optional one may be blank (0). */
function checkAmounts(currency: string, required: string[], optional: string[]) {
  return (value: Record<string, unknown>, context: z.RefinementCtx) => {
    for (const path of [...required, ...optional]) {
      const text = String(value[path] ?? "");
      if (text === "" && optional.includes(path)) continue;
      const parsed = parseMoneyInput(text, currency);
      if (!parsed.ok) context.addIssue({ code: "custom", path: [path], message: parsed.message });
    }
  };
}

/** A typed amount in minor units: blank is 0 (the form's schema has refused anything else unreadable). */
export function minorOf(text: string, currency: string): number {
  const parsed = parseMoneyInput(text, currency);
  return text.trim() === "" || !parsed.ok ? 0 : parsed.minor;
}

const description = z.string().trim().max(300, "Keep the description to 300 characters or fewer.");

/** A line from the price list: the item, how many, and an optional discount. */
export function itemLineFormSchema(currency: string) {
  return z
    .object({
      itemId: z.uuid("Choose an item from the price list."),
      quantity,
      discount: amount,
    })
    .superRefine(checkAmounts(currency, [], ["discount"]));
}

/** A free-text line with its own tax: a rate, zero-rated, or exempt with the reason printed. */
export function freeLineFormSchema(currency: string) {
  return z
    .object({
      description: description.min(1, "Describe what the line is for."),
      quantity,
      price: amount,
      discount: amount,
      taxTreatment: z.enum(TAX_TREATMENTS, "Choose how the line is taxed."),
      taxRate: z.string().trim().max(10).optional(),
      exemptReason: z.string().trim().max(200, "Keep the reason to 200 characters or fewer.").optional(),
    })
    .superRefine(checkAmounts(currency, ["price"], ["discount"]))
    .superRefine((value, context) => {
      if (value.taxTreatment === "RATED" && percentToBp(value.taxRate ?? "") === null)
        context.addIssue({
          code: "custom",
          path: ["taxRate"],
          message: "Enter a tax rate from 0.01 to 100 %, e.g. 20 or 7.5.",
        });
      if (value.taxTreatment === "EXEMPT" && (value.exemptReason ?? "").length < 3)
        context.addIssue({
          code: "custom",
          path: ["exemptReason"],
          message: "Say why it is exempt, as the invoice prints it, e.g. Medical care.",
        });
    });
}

/** A draft line changed in place: description, quantity, unit price, discount. */
export function editLineFormSchema(currency: string) {
  return z
    .object({ description, quantity, price: amount, discount: amount })
    .superRefine(checkAmounts(currency, ["price"], ["discount"]));
}

/** A refund of a payment's unapplied money: how much, how it goes back, and why. */
export function refundFormSchema(currency: string) {
  return z
    .object({
      amount,
      method: z.enum(PAYMENT_METHODS, "Choose how the money is given back."),
      reason: z
        .string()
        .trim()
        .min(3, "Say why the money is given back.")
        .max(300, "Keep the reason to 300 characters."),
    })
    .superRefine(checkAmounts(currency, ["amount"], []));
}

/** Where a line action's refused field (`line.unitPriceMinor`, computeLine's `unitPrice`) shows on the forms. */
export function lineFieldOf(path: string): string {
  const name = path.replace(/^line\./, "");
  if (name === "unitPriceMinor" || name === "unitPrice") return "price";
  if (name === "discountMinor") return "discount";
  if (name === "taxRateBp") return "taxRate";
  return name;
}
