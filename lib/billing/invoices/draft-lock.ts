import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import { lockInvoice } from "../issue-invoice";
import { sumLines } from "../money";

type Tx = Prisma.TransactionClient;

export const ISSUED_INVOICE_MESSAGE =
  "This invoice is issued and can no longer be changed: void it with a credit note.";
export const INVOICE_NOT_FOUND = "No such invoice in this clinic.";

/** Locks a draft invoice for a change (two people editing it take turns); an issued one is refused. */
export async function lockDraft(tx: Tx, invoiceId: string) {
  await lockInvoice(tx, invoiceId);
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
  if (invoice?.kind !== "INVOICE") throw new AppError("NOT_FOUND", INVOICE_NOT_FOUND);
  if (invoice.status !== "DRAFT") throw new AppError("CONFLICT", ISSUED_INVOICE_MESSAGE);
  return invoice;
}

/** Writes the draft's subtotal, tax and total again from its lines' stored, rounded amounts. */
export async function recomputeInvoiceTotals(tx: Tx, invoiceId: string) {
  const lines = await tx.invoiceLine.findMany({
    where: { invoiceId },
    select: { netMinor: true, taxMinor: true, totalMinor: true },
  });
  const totals = sumLines(lines);
  await tx.invoice.update({ where: { id: invoiceId }, data: totals });
  return totals;
}
