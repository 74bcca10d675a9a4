import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances } from "../balances";
import { invoiceSnapshotSchema } from "../invoice-snapshot";

/**
 * One invoice or credit note as its page and PDF show it: lines, totals, derived state and balance,
 * what it voids or what voided it, and (issued) the snapshot it was issued with.
 */
export async function findInvoice(db: TenantDb, invoiceId: string) {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: { orderBy: { position: "asc" } },
      patient: { select: { id: true, firstName: true, lastName: true, address: true, mrn: true } },
      location: { select: { name: true } },
      creditedInvoice: { select: { id: true, number: true } },
      creditNote: { select: { id: true, number: true, note: true } },
    },
  });
  if (!invoice) return null;
  const balance = (await findInvoiceBalances(db, [invoice.id])).get(invoice.id);
  const snapshot = invoice.snapshot ? (invoiceSnapshotSchema.safeParse(invoice.snapshot).data ?? null) : null;
  return {
    ...invoice,
    snapshot,
    state: balance?.state ?? "DRAFT",
    appliedMinor: balance?.appliedMinor ?? 0,
    balanceMinor: balance?.balanceMinor ?? 0,
  };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;
