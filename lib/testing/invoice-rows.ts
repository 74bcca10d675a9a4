import type { Actor } from "../auth/actor";
import { issueInvoice } from "../billing/issue-invoice";
import type { TenantDb } from "../tenancy/tenant-db";
import { next, rowsOf } from "./sample-rows";

/** An actor for rows written by tests (the audit rows need one). */
export const testActor = (id: string): Actor => ({
  id,
  email: "test@clinic.test",
  ip: null,
  userAgent: null,
});

/**
 * Invoices written directly in a clinic's database for payment tests and samples: a draft with
 * lines of the given totals (exempt, so net = total), issued by issueInvoice when asked, and a
 * voided one (an issued invoice plus its credit note row).
 */
export function invoiceRowsOf(db: TenantDb) {
  const rows = rowsOf(db);
  const draft = async (
    options: { patientId?: string; appointmentId?: string; locationId?: string; lines?: number[] } = {},
  ) => {
    const invoice = await db.invoice.create({
      data: {
        patientId: options.patientId ?? (await rows.patient()).id,
        locationId: options.locationId ?? (await rows.location()).id,
        appointmentId: options.appointmentId,
        currency: "GBP",
        pricesIncludeTax: false,
      },
    });
    const lines = options.lines ?? [5000];
    await db.invoiceLine.createMany({
      data: lines.map((totalMinor, position) => ({
        invoiceId: invoice.id,
        position,
        description: `Consultation ${next()}`,
        quantity: 1,
        unitPriceMinor: totalMinor,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care",
        netMinor: totalMinor,
        taxMinor: 0,
        totalMinor,
      })),
    });
    return invoice;
  };
  const issued = async (actorId: string, options: Parameters<typeof draft>[0] = {}) => {
    const invoice = await draft(options);
    const { number } = await db.$transaction((tx) =>
      issueInvoice(tx, { actor: testActor(actorId), invoiceId: invoice.id }),
    );
    return { ...invoice, number };
  };
  const voided = async (actorId: string, options: Parameters<typeof draft>[0] = {}) => {
    const invoice = await issued(actorId, options);
    const total = (options.lines ?? [5000]).reduce((sum, line) => sum + line, 0);
    await db.invoice.create({
      data: {
        kind: "CREDIT_NOTE",
        status: "ISSUED",
        number: `CRN-2026-${String(next()).padStart(6, "0")}`,
        patientId: invoice.patientId,
        locationId: invoice.locationId,
        creditedInvoiceId: invoice.id,
        currency: "GBP",
        pricesIncludeTax: false,
        subtotalMinor: -total,
        totalMinor: -total,
        issuedAt: new Date(),
        snapshot: {},
      },
    });
    return invoice;
  };
  return { draft, issued, voided };
}
