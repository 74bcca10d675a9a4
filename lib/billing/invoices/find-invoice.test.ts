import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voidInvoiceAction } from "@/lib/actions/invoices/void-invoice";
import { refundPaymentAction } from "@/lib/actions/payments/refund-payment";
import { takePaymentAction } from "@/lib/actions/payments/take-payment";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { invoiceRowsOf } from "@/lib/testing/invoice-rows";
import { findAccountCard } from "../payments/patient-account";
import { findInvoice } from "./find-invoice";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "invoicepage" });
  await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "GBP" } });
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("the invoice page's payments", () => {
  it("lists what was paid, what a void gave back to credit, and what of it may still be refunded", async () => {
    const invoice = await invoiceRowsOf(clinic.db).issued(clinic.members.BILLING.id, { lines: [11500] });
    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "CASH", amountMinor: 4000 }],
      }),
    );
    const [receipt] = taken.receipts;

    const partPaid = await findInvoice(clinic.db, invoice.id);
    expect(partPaid).toMatchObject({ state: "PARTLY_PAID", appliedMinor: 4000, balanceMinor: 7500 });
    expect(partPaid?.payments).toEqual([
      expect.objectContaining({
        paymentId: receipt?.paymentId,
        receiptNumber: receipt?.receiptNumber,
        method: "CASH",
        amountMinor: 4000,
        fromCredit: false,
        refundableMinor: 0,
      }),
    ]);
    expect(partPaid?.patientCreditMinor).toBe(0);

    dataOf(
      await clinic.callAs("BILLING", voidInvoiceAction, { invoiceId: invoice.id, reason: "Wrong insurer" }),
    );
    const voided = await findInvoice(clinic.db, invoice.id);
    expect(voided?.state).toBe("VOID");
    expect(voided?.payments.map((row) => [row.amountMinor, row.refundableMinor])).toEqual([
      [4000, 4000],
      [-4000, 4000],
    ]);
    expect(voided?.patientCreditMinor).toBe(4000);
    const card = await findAccountCard(clinic.db, invoice.patientId);
    expect(card.payments).toEqual([
      expect.objectContaining({ id: receipt?.paymentId, unappliedMinor: 4000 }),
    ]);

    dataOf(
      await clinic.callAs("BILLING", refundPaymentAction, {
        paymentId: receipt?.paymentId,
        amountMinor: 4000,
        method: "CASH",
        reason: "Invoice voided",
      }),
    );
    const refunded = await findInvoice(clinic.db, invoice.id);
    expect(refunded?.payments.every((row) => row.refundableMinor === 0)).toBe(true);
    expect(refunded?.patientCreditMinor).toBe(0);
    expect(refunded?.refunds).toEqual([
      expect.objectContaining({ amountMinor: 4000, method: "CASH", reason: "Invoice voided" }),
    ]);
  });
});
