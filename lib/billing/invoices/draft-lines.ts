import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { InvoiceLineInput } from "@/lib/validations/invoices";
import { computeLine } from "../money";
import { ISSUED_INVOICE_MESSAGE, lockDraft, recomputeInvoiceTotals } from "./draft-lock";

/** The most lines one invoice holds: a visit's bill, not a catalogue. */
export const MAX_LINES = 100;

/**
 * A line's description, price and tax: from the price list (the item as it is now, price and
 * quantity overridable) or typed in as free text.
 */
async function lineFields(db: TenantDb, input: InvoiceLineInput) {
  if (input.itemId) {
    const item = await db.billableItem.findUnique({ where: { id: input.itemId } });
    if (!item?.active)
      throw new AppError("INVALID", "That item is not on the price list any more: choose another.", {
        itemId: "Choose an item from the price list.",
      });
    return {
      itemId: item.id,
      description: input.description || item.name,
      quantity: input.quantity,
      unitPriceMinor: input.unitPriceMinor ?? item.priceMinor,
      discountMinor: input.discountMinor,
      taxTreatment: item.taxTreatment,
      taxRateBp: item.taxRateBp,
      exemptReason: item.exemptReason,
    };
  }
  if (!input.description)
    throw new AppError("INVALID", "Describe what the line is for.", { description: "Describe the line." });
  return {
    itemId: null,
    description: input.description,
    quantity: input.quantity,
    unitPriceMinor: input.unitPriceMinor ?? 0,
    discountMinor: input.discountMinor,
    taxTreatment: input.taxTreatment,
    taxRateBp: input.taxTreatment === "RATED" ? (input.taxRateBp ?? null) : null,
    exemptReason: input.taxTreatment === "EXEMPT" ? (input.exemptReason ?? null) : null,
  };
}

/** Adds a line to a draft and works out its amounts and the invoice's totals on the server. */
export async function addInvoiceLine(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
  line: InvoiceLineInput;
}) {
  const { db, actor, invoiceId } = options;
  const fields = await lineFields(db, options.line);
  return conflictWhenLocked(ISSUED_INVOICE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const invoice = await lockDraft(tx, invoiceId);
      const amounts = computeLine(fields, invoice.pricesIncludeTax);
      const last = await tx.invoiceLine.aggregate({
        where: { invoiceId },
        _max: { position: true },
        _count: true,
      });
      if (last._count >= MAX_LINES)
        throw new AppError(
          "CONFLICT",
          `An invoice holds at most ${MAX_LINES} lines: start another for the rest.`,
        );
      const line = await tx.invoiceLine.create({
        data: { invoiceId, position: (last._max.position ?? 0) + 1, ...fields, ...amounts },
      });
      const totals = await recomputeInvoiceTotals(tx, invoiceId);
      await recordAuditEvent(tx, {
        actor,
        action: "invoice.line-added",
        targetType: "invoice",
        targetId: invoiceId,
        details: { patientId: invoice.patientId, totalMinor: totals.totalMinor },
      });
      return { lineId: line.id, ...totals };
    }),
  );
}

/** Changes a draft line's quantity, unit price, discount or description; amounts recomputed. */
export async function updateInvoiceLine(options: {
  db: TenantDb;
  actor: Actor;
  lineId: string;
  change: { description?: string; quantity: number; unitPriceMinor: number; discountMinor: number };
}) {
  const { db, actor, lineId, change } = options;
  const existing = await db.invoiceLine.findUnique({ where: { id: lineId } });
  if (!existing) throw new AppError("NOT_FOUND", "That line is no longer on the invoice: reload the page.");
  return conflictWhenLocked(ISSUED_INVOICE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const invoice = await lockDraft(tx, existing.invoiceId);
      const fields = { ...existing, ...change, description: change.description || existing.description };
      const amounts = computeLine(fields, invoice.pricesIncludeTax);
      await tx.invoiceLine.update({
        where: { id: lineId },
        data: {
          description: fields.description,
          quantity: fields.quantity,
          unitPriceMinor: fields.unitPriceMinor,
          discountMinor: fields.discountMinor,
          ...amounts,
        },
      });
      const totals = await recomputeInvoiceTotals(tx, invoice.id);
      await recordAuditEvent(tx, {
        actor,
        action: "invoice.line-changed",
        targetType: "invoice",
        targetId: invoice.id,
        details: { patientId: invoice.patientId, totalMinor: totals.totalMinor },
      });
      return totals;
    }),
  );
}

/** Takes a line off a draft. */
export async function removeInvoiceLine(options: { db: TenantDb; actor: Actor; lineId: string }) {
  const { db, actor, lineId } = options;
  const existing = await db.invoiceLine.findUnique({ where: { id: lineId } });
  if (!existing) throw new AppError("NOT_FOUND", "That line is no longer on the invoice: reload the page.");
  return conflictWhenLocked(ISSUED_INVOICE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const invoice = await lockDraft(tx, existing.invoiceId);
      await tx.invoiceLine.delete({ where: { id: lineId } });
      const totals = await recomputeInvoiceTotals(tx, invoice.id);
      await recordAuditEvent(tx, {
        actor,
        action: "invoice.line-removed",
        targetType: "invoice",
        targetId: invoice.id,
        details: { patientId: invoice.patientId, totalMinor: totals.totalMinor },
      });
      return totals;
    }),
  );
}
