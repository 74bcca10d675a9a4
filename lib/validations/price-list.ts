import { z } from "zod";
import { parseMoneyInput } from "../billing/money-input";

export const TAX_TREATMENTS = ["RATED", "ZERO_RATED", "EXEMPT"] as const;
export type TaxTreatmentChoice = (typeof TAX_TREATMENTS)[number];

/** "20" or "7.5" percent as basis points (2000, 750); null when it is not 0.01–100 with 2 decimals at most. */
export function percentToBp(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

/** Basis points as the percent a form shows: 2000 → "20", 750 → "7.5". */
export function bpToPercent(bp: number): string {
  return String(bp / 100);
}

const code = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Give it a short code, e.g. CONSULT.")
  .max(20, "Keep the code under 20 characters.")
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "Use letters, digits, - . or _ only, e.g. DRESSING-1.");

const name = z
  .string()
  .trim()
  .min(2, "Give it a name of at least 2 characters.")
  .max(100, "Keep the name under 100 characters.");

/** The price as typed; its decimals are checked against the clinic's currency (priceFor / the server). */
const price = z
  .string()
  .trim()
  .min(1, "Enter a price, or 0 when it is free.")
  .max(20, "That amount is too large.");

const taxFields = {
  code,
  name,
  price,
  taxTreatment: z.enum(TAX_TREATMENTS, "Choose how tax applies."),
  taxRate: z.string().trim().max(10).optional(),
  exemptReason: z.string().trim().max(200, "Keep the reason under 200 characters.").optional(),
};

type TaxInput = { taxTreatment: TaxTreatmentChoice; taxRate?: string; exemptReason?: string };

function checkTax(value: TaxInput, context: z.RefinementCtx) {
  if (value.taxTreatment === "RATED" && percentToBp(value.taxRate ?? "") === null) {
    context.addIssue({
      code: "custom",
      path: ["taxRate"],
      message: "Enter a tax rate from 0.01 to 100 %, e.g. 20 or 7.5.",
    });
  }
  if (value.taxTreatment === "EXEMPT" && (value.exemptReason ?? "").length < 3) {
    context.addIssue({
      code: "custom",
      path: ["exemptReason"],
      message: "Say why it is exempt, as the invoice prints it, e.g. Medical care: exempt from tax.",
    });
  }
}

/** The stored tax fields: a rate only when rated, a reason only when exempt. */
export function taxColumnsOf(value: TaxInput) {
  return {
    taxTreatment: value.taxTreatment,
    taxRateBp: value.taxTreatment === "RATED" ? percentToBp(value.taxRate ?? "") : null,
    exemptReason: value.taxTreatment === "EXEMPT" ? (value.exemptReason ?? null) : null,
  };
}

const typeFields = {
  ...taxFields,
  durationMinutes: z
    .number("Enter the length in minutes.")
    .int("Enter whole minutes.")
    .min(5, "An appointment type lasts at least 5 minutes.")
    .max(480, "An appointment type lasts at most 8 hours (480 minutes)."),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour."),
  isDefault: z.boolean().optional(),
};

export const createBillableItemSchema = z.object(taxFields).superRefine(checkTax);
export const updateBillableItemSchema = z.object({ itemId: z.uuid(), ...taxFields }).superRefine(checkTax);
export const createAppointmentTypeSchema = z.object(typeFields).superRefine(checkTax);
export const updateAppointmentTypeSchema = z
  .object({ typeId: z.uuid(), ...typeFields })
  .superRefine(checkTax);
export const setBillableItemActiveSchema = z.object({ itemId: z.uuid(), active: z.boolean() });
export const setAppointmentTypeActiveSchema = z.object({ typeId: z.uuid(), active: z.boolean() });
export const setDefaultAppointmentTypeSchema = z.object({ typeId: z.uuid("Choose a type.") });

export type BillableItemInput = z.output<typeof createBillableItemSchema>;
export type AppointmentTypeInput = z.output<typeof createAppointmentTypeSchema>;

/** The form's schema: the same rules plus the price's decimals for the clinic's currency. */
export function withPriceFor<S extends z.ZodType<{ price: string }>>(schema: S, currency: string) {
  return schema.superRefine((value, context) => {
    const parsed = parseMoneyInput(value.price, currency);
    if (!parsed.ok) context.addIssue({ code: "custom", path: ["price"], message: parsed.message });
  });
}
