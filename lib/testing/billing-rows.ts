import type { PaymentMethod } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/tenant-db";
import { next, rowsOf } from "./sample-rows";

/**
 * Issued invoices, payments, allocations and refunds written straight into a clinic's database, as
 * the billing actions would leave them, for report tests (numbers need only be unique here).
 */
export function billingRowsOf(db: TenantDb, staffId: string) {
  const rows = rowsOf(db);
  const invoice = async (options: {
    patientId: string;
    locationId: string;
    totalMinor: number;
    issuedAt: Date;
    appointmentId?: string;
    kind?: "INVOICE" | "CREDIT_NOTE";
    creditedInvoiceId?: string;
  }) => {
    const kind = options.kind ?? "INVOICE";
    const created = await db.invoice.create({
      data: {
        kind,
        patientId: options.patientId,
        locationId: options.locationId,
        appointmentId: options.appointmentId,
        creditedInvoiceId: options.creditedInvoiceId,
        currency: "USD",
        pricesIncludeTax: false,
        subtotalMinor: options.totalMinor,
        totalMinor: options.totalMinor,
        lines: {
          create: {
            position: 1,
            description: "Consultation",
            quantity: 1,
            unitPriceMinor: options.totalMinor,
            taxTreatment: "EXEMPT",
            exemptReason: "Medical care",
            netMinor: options.totalMinor,
            taxMinor: 0,
            totalMinor: options.totalMinor,
          },
        },
      },
    });
    // Lines are written while it is a draft; issuing locks it, as issueInvoice does.
    return db.invoice.update({
      where: { id: created.id },
      data: {
        status: "ISSUED",
        number: `${kind === "INVOICE" ? "INV" : "CRN"}-T-${String(next()).padStart(6, "0")}`,
        issuedAt: options.issuedAt,
        issuedById: staffId,
        snapshot: { madeBy: "billing-rows" },
      },
    });
  };
  const payment = (options: {
    patientId: string;
    locationId: string;
    amountMinor: number;
    method?: PaymentMethod;
    takenAt: Date;
  }) =>
    db.payment.create({
      data: {
        receiptNumber: `RCT-T-${String(next()).padStart(6, "0")}`,
        patientId: options.patientId,
        locationId: options.locationId,
        method: options.method ?? "CASH",
        amountMinor: options.amountMinor,
        takenById: staffId,
        takenAt: options.takenAt,
      },
    });
  const allocate = (options: {
    paymentId: string;
    invoiceId: string;
    amountMinor: number;
    fromCredit?: boolean;
    appliedAt: Date;
  }) => db.paymentAllocation.create({ data: { ...options, appliedById: staffId } });
  const refund = (options: {
    paymentId: string;
    amountMinor: number;
    method?: PaymentMethod;
    refundedAt: Date;
  }) =>
    db.refund.create({
      data: {
        paymentId: options.paymentId,
        amountMinor: options.amountMinor,
        method: options.method ?? "CASH",
        reason: "Overpaid",
        refundedById: staffId,
        refundedAt: options.refundedAt,
      },
    });
  return { ...rows, invoice, payment, allocate, refund };
}
