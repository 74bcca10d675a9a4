import type { Actor } from "@/lib/auth/actor";
import { findInvoiceBalances } from "@/lib/billing/balances";
import { invoiceSnapshotSchema } from "@/lib/billing/invoice-snapshot";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderInvoicePdf } from "../pdf/invoice-pdf";
import { type PrintedFile, printDocument } from "../prints";

export const INVOICE_NOT_FOUND = "No such invoice in this clinic. Open it again from the invoice list.";

export const DRAFT_NOT_PRINTABLE =
  "This invoice is still a draft: issue it first (or take a payment on it), then print it.";

/**
 * An issued invoice or credit note as a PDF, drawn from the snapshot it was issued with (a clinic
 * renamed since never rewrites it), with what is paid and left to pay; a reprint is marked COPY.
 * The invoice row is share-locked while printing, so a payment being taken is printed whole or not at all.
 */
export function printInvoice(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
}): Promise<PrintedFile> {
  const { db, actor, invoiceId } = options;
  return printDocument({
    db,
    actor,
    kind: "INVOICE",
    subjectId: invoiceId,
    prepare: async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM invoices WHERE id = ${invoiceId}::uuid FOR SHARE`;
      const invoice = await tx.invoice.findUnique({
        where: { id: invoiceId },
        include: {
          lines: { orderBy: { position: "asc" } },
          appointment: { select: { startsAt: true, visit: { select: { startedAt: true } } } },
          creditedInvoice: { select: { number: true, issuedAt: true } },
          creditNote: { select: { number: true, issuedAt: true } },
        },
      });
      if (!invoice) throw new AppError("NOT_FOUND", INVOICE_NOT_FOUND);
      if (invoice.status === "DRAFT") throw new AppError("CONFLICT", DRAFT_NOT_PRINTABLE);
      const snapshot = invoiceSnapshotSchema.safeParse(invoice.snapshot);
      if (!snapshot.success || !invoice.number || !invoice.issuedAt)
        throw new AppError(
          "CONFLICT",
          "This invoice's issued details could not be read, so it cannot be printed. Ask the clinic's billing staff.",
        );
      const balance = (await findInvoiceBalances(tx, [invoiceId])).get(invoiceId);
      const { creditNote, creditedInvoice } = invoice;
      const voided = creditNote?.number && creditNote.issuedAt ? creditNote : null;
      return {
        patientId: invoice.patientId,
        number: invoice.number,
        details: invoice.kind === "CREDIT_NOTE" ? { document: "credit note" } : undefined,
        paper: {
          kind: invoice.kind,
          number: invoice.number,
          issuedAt: invoice.issuedAt,
          snapshot: snapshot.data,
          suppliedOn: invoice.appointment?.visit?.startedAt ?? invoice.appointment?.startsAt ?? null,
          currency: invoice.currency,
          pricesIncludeTax: invoice.pricesIncludeTax,
          lines: invoice.lines,
          subtotalMinor: invoice.subtotalMinor,
          taxMinor: invoice.taxMinor,
          totalMinor: invoice.totalMinor,
          settlement:
            invoice.kind === "INVOICE" && !voided
              ? { paidMinor: balance?.appliedMinor ?? 0, balanceMinor: balance?.balanceMinor ?? 0 }
              : null,
          voidedBy: voided
            ? { number: voided.number ?? "", issuedAt: voided.issuedAt ?? invoice.issuedAt }
            : null,
          voids: creditedInvoice
            ? {
                number: creditedInvoice.number ?? "",
                issuedAt: creditedInvoice.issuedAt,
                reason: invoice.note,
              }
            : null,
        },
      };
    },
    render: async (prepared, print, clock) => ({
      fileName: `${prepared.number}.pdf`,
      bytes: await renderInvoicePdf({
        ...prepared.paper,
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      }),
    }),
  });
}
