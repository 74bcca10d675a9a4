import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPatientAccount } from "@/lib/billing/balances";
import { findFrontDeskBilling } from "@/lib/billing/payments/front-desk-billing";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { invoiceRowsOf } from "@/lib/testing/invoice-rows";
import { pdfText } from "@/lib/testing/pdf-text";
import { rowsOf } from "@/lib/testing/sample-rows";
import { takePaymentAction } from "../payments/take-payment";
import { printReceiptAction } from "./print-receipt";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "receipts" });
  await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "GBP" } });
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("receipts and balances at the front desk", () => {
  it("prints a receipt with its number, method, reference, amount, what it paid and the credit left", async () => {
    const appointment = await rowsOf(clinic.db).appointment({ status: "CHECKED_IN" });
    const draft = await invoiceRowsOf(clinic.db).draft({
      patientId: appointment.patientId,
      appointmentId: appointment.id,
      locationId: appointment.locationId,
      lines: [4500],
    });
    const before = await findFrontDeskBilling(clinic.db, {
      appointmentIds: [appointment.id],
      patientIds: [appointment.patientId],
    });
    expect(before.invoices[appointment.id]).toEqual({
      invoiceId: draft.id,
      number: null,
      draft: true,
      dueMinor: 4500,
    });

    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: draft.id,
        tenders: [{ method: "CARD", amountMinor: 5000, reference: "Auth 7731" }],
      }),
    );
    const receipt = taken.receipts[0];
    const printed = dataOf(
      await clinic.callAs("RECEPTIONIST", printReceiptAction, { paymentId: receipt?.paymentId }),
    );
    const text = pdfText(printed.bytes);

    for (const expected of [
      "Receipt",
      receipt?.receiptNumber ?? "?",
      "Card",
      "Auth 7731",
      "£50.00",
      `Invoice ${taken.invoiceNumber}`,
      "£45.00",
      "Kept as credit",
      "£5.00",
    ])
      expect(text).toContain(expected);
    expect(
      await clinic.callAs("DOCTOR", printReceiptAction, { paymentId: receipt?.paymentId }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const after = await findFrontDeskBilling(clinic.db, {
      appointmentIds: [appointment.id],
      patientIds: [appointment.patientId],
    });
    expect(after.invoices).toEqual({});
    expect(after.owedMinor).toEqual({});
    expect(after.creditMinor).toEqual({ [appointment.patientId]: 500 });
  });

  it("adds up a patient's balance over a hundred invoices and fifty payments", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const billing = clinic.members.BILLING.id;
    for (let i = 0; i < 100; i++) {
      const invoice = await invoiceRowsOf(clinic.db).issued(billing, {
        patientId: patient.id,
        lines: [1000],
      });
      if (i % 2 === 0)
        dataOf(
          await clinic.callAs("BILLING", takePaymentAction, {
            invoiceId: invoice.id,
            tenders: [{ method: "CASH", amountMinor: 1200 }],
          }),
        );
    }
    expect(await findPatientAccount(clinic.db, patient.id)).toEqual({
      owedMinor: 50 * 1000,
      creditMinor: 50 * 200,
    });
  }, 120_000);
});
