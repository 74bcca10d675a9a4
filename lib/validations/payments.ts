import { z } from "zod";

export const PAYMENT_METHODS = ["CASH", "CARD", "BANK_TRANSFER", "OTHER"] as const;

export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  CASH: "Cash",
  CARD: "Card",
  BANK_TRANSFER: "Bank transfer",
  OTHER: "Other",
};

/** Ten million in major units: far above any clinic bill, far below an integer overflow. */
const MAX_AMOUNT_MINOR = 1_000_000_000;

const amountMinor = z
  .number("Enter an amount.")
  .int("Enter an amount in whole minor units.")
  .positive("Enter an amount above zero.")
  .max(MAX_AMOUNT_MINOR, "That amount is too large: check it.");

const method = z.enum(PAYMENT_METHODS, "Choose how the money was paid.");

export const tenderSchema = z.object({
  method,
  amountMinor,
  reference: z.string().trim().max(100, "Keep the reference to 100 characters.").nullish(),
});

export const takePaymentSchema = z.object({
  invoiceId: z.uuid("Choose the invoice to pay."),
  tenders: z
    .array(tenderSchema, "Enter what was paid.")
    .min(1, "Enter what was paid.")
    .max(4, "Split a payment into at most 4 parts."),
});

export const applyCreditSchema = z.object({
  invoiceId: z.uuid("Choose the invoice to apply credit to."),
  amountMinor: amountMinor.optional(),
});

export const refundPaymentSchema = z.object({
  paymentId: z.uuid("Choose the payment to refund."),
  amountMinor,
  method,
  reason: z
    .string("Say why the money is given back.")
    .trim()
    .min(3, "Say why the money is given back.")
    .max(300, "Keep the reason to 300 characters."),
});

export type TakePaymentInput = z.infer<typeof takePaymentSchema>;
export type RefundPaymentInput = z.infer<typeof refundPaymentSchema>;
