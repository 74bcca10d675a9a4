import { z } from "zod";

const invoiceId = z.uuid("Choose an invoice.");
const lineId = z.uuid("Choose a line.");
const minor = (what: string) =>
  z
    .number(`Enter the ${what}.`)
    .int(`Enter the ${what} in whole cents.`)
    .min(0, `The ${what} cannot be negative.`)
    .max(2_147_483_647, `The ${what} is too large.`);
const quantity = z
  .number("Enter the quantity.")
  .int("The quantity must be a whole number.")
  .min(1, "The quantity must be 1 or more.")
  .max(10_000, "The quantity can be at most 10,000.");
const description = z.string().trim().max(300, "Keep the description to 300 characters or fewer.");

export const TAX_TREATMENTS = ["RATED", "ZERO_RATED", "EXEMPT"] as const;

/** A line: from the price list (itemId) or free text with its own tax treatment. */
export const invoiceLineSchema = z.object({
  itemId: z.uuid("Choose an item from the price list.").optional(),
  description: description.default(""),
  quantity,
  /** Omitted for an item: its list price. */
  unitPriceMinor: minor("unit price").optional(),
  discountMinor: minor("discount").default(0),
  taxTreatment: z.enum(TAX_TREATMENTS, "Choose how the line is taxed.").default("EXEMPT"),
  taxRateBp: z
    .number()
    .int()
    .min(1, "Enter a rate above 0 %.")
    .max(10_000, "A rate is at most 100 %.")
    .optional(),
  exemptReason: z.string().trim().max(200, "Keep the reason to 200 characters or fewer.").optional(),
});
export type InvoiceLineInput = z.output<typeof invoiceLineSchema>;

export const addInvoiceLineSchema = z.object({ invoiceId, line: invoiceLineSchema });

export const updateInvoiceLineSchema = z.object({
  lineId,
  description,
  quantity,
  unitPriceMinor: minor("unit price"),
  discountMinor: minor("discount"),
});

export const removeInvoiceLineSchema = z.object({ lineId });

const billToText = (max: number) => z.string().trim().max(max, `Keep it to ${max} characters or fewer.`);

/** Who the invoice is addressed to: the patient, or a third party by name (insurer, employer). */
export const setBillToSchema = z
  .object({
    invoiceId,
    billTo: z.enum(["PATIENT", "THIRD_PARTY"], "Choose who pays."),
    name: billToText(200).default(""),
    address: billToText(500).default(""),
    reference: billToText(100).default(""),
  })
  .refine((value) => value.billTo === "PATIENT" || value.name.length > 0, {
    path: ["name"],
    message: "Name the third party the invoice is addressed to.",
  });

export const issueInvoiceSchema = z.object({ invoiceId });

export const voidInvoiceSchema = z.object({
  invoiceId,
  reason: z
    .string()
    .trim()
    .min(3, "Say why the invoice is voided.")
    .max(500, "Keep the reason to 500 characters or fewer."),
});

export const INVOICE_STATES = ["DRAFT", "UNPAID", "PARTLY_PAID", "PAID", "VOID", "CREDIT_NOTE"] as const;

/** The invoice list's URL: ?state=, ?from=, ?to= (YYYY-MM-DD, clinic days), ?page=; anything unreadable is no filter. */
export const invoiceListQuerySchema = z.object({
  state: z.enum(INVOICE_STATES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type InvoiceListQuery = z.output<typeof invoiceListQuerySchema>;
