import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInvoiceBalances, findPatientAccount } from "@/lib/billing/balances";
import { withDatabaseName } from "@/lib/db/database-url";
import { dataOf } from "@/lib/testing/action-result";
import { type BillingFixture, createBillingFixture } from "@/lib/testing/billing-fixtures";
import { adminDatabaseUrl, adminQuery } from "@/lib/testing/databases";
import { rowsOf } from "@/lib/testing/sample-rows";
import { creditPaymentRow } from "@/lib/testing/samples/payments";
import { applyCreditAction } from "./apply-credit";
import { refundPaymentAction } from "./refund-payment";
import { takePaymentAction } from "./take-payment";

let clinic: BillingFixture;

beforeAll(async () => {
  clinic = await createBillingFixture({ subdomain: "payments", currency: "GBP" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

/** A trigger (as the server's admin) refusing payments by OTHER; returns its removal. */
async function refusePaymentsByOther() {
  const { databaseName } = await clinic.platform.central.clinic.findUniqueOrThrow({
    where: { subdomain: clinic.subdomain },
  });
  const run = (sql: string) => adminQuery(sql, [], withDatabaseName(adminDatabaseUrl(), databaseName));
  await run(`CREATE FUNCTION test_refuse_other() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN IF NEW.method = 'OTHER' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
  await run(
    "CREATE TRIGGER test_refuse_other BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION test_refuse_other()",
  );
  return async () => {
    await run("DROP TRIGGER test_refuse_other ON payments");
    await run("DROP FUNCTION test_refuse_other()");
  };
}

const balanceOf = async (invoiceId: string) =>
  (await findInvoiceBalances(clinic.db, [invoiceId])).get(invoiceId);

describe("taking a payment at check-out", () => {
  it("issues a draft and takes part cash, part card in one step, each with its own receipt", async () => {
    const draft = await clinic.invoices.draft({ lines: [3000, 2000] });

    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: draft.id,
        tenders: [
          { method: "CASH", amountMinor: 2000 },
          { method: "CARD", amountMinor: 3000, reference: "Auth 884211" },
        ],
      }),
    );

    expect(taken.issued).toBe(true);
    expect(taken.invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(taken.receipts.map((r) => r.receiptNumber)).toEqual([
      expect.stringMatching(/^RCT-\d{4}-\d{6}$/),
      expect.stringMatching(/^RCT-\d{4}-\d{6}$/),
    ]);
    expect(new Set(taken.receipts.map((r) => r.receiptNumber)).size).toBe(2);
    expect(taken.message).toBe(`Invoice ${taken.invoiceNumber} issued and paid. Nothing more is due on it.`);
    expect(await balanceOf(draft.id)).toMatchObject({ state: "PAID", balanceMinor: 0, totalMinor: 5000 });
    expect(await findPatientAccount(clinic.db, draft.patientId)).toEqual({ owedMinor: 0, creditMinor: 0 });
    expect(
      await clinic.db.auditEvent.count({
        where: {
          action: { in: ["invoice.issued", "payment.taken"] },
          details: { path: ["patientId"], equals: draft.patientId },
        },
      }),
    ).toBe(3);
  });

  it("keeps an overpayment as the patient's credit and says so", async () => {
    const invoice = await clinic.invoices.issued({ lines: [4000] });

    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "CASH", amountMinor: 5000 }],
      }),
    );

    expect(taken.creditedMinor).toBe(1000);
    expect(taken.message).toContain("£10.00 more than was due is kept as the patient's credit.");
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({
      owedMinor: 0,
      creditMinor: 1000,
    });
  });

  it("leaves the rest due after a partial payment", async () => {
    const invoice = await clinic.invoices.issued({ lines: [4000] });

    const taken = dataOf(
      await clinic.callAs("BILLING", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "BANK_TRANSFER", amountMinor: 1500, reference: "TX-1" }],
      }),
    );

    expect(taken.message).toBe(`Payment taken on invoice ${invoice.number}. £25.00 is still due.`);
    expect(await balanceOf(invoice.id)).toMatchObject({ state: "PARTLY_PAID", balanceMinor: 2500 });
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({
      owedMinor: 2500,
      creditMinor: 0,
    });
  });

  it("puts a payment on a voided invoice entirely to credit, saying so", async () => {
    const invoice = await clinic.invoices.voided({ lines: [4000] });

    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "CARD", amountMinor: 4000 }],
      }),
    );

    expect(taken.receipts[0]?.appliedMinor).toBe(0);
    expect(taken.message).toContain(`Invoice ${invoice.number} was voided`);
    expect(taken.message).toContain("(£40.00) is kept as the patient's credit");
    expect(await clinic.db.paymentAllocation.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({
      owedMinor: 0,
      creditMinor: 4000,
    });
  });

  it("rolls back the invoice number, receipts and issue when a later step fails", async () => {
    const draft = await clinic.invoices.draft({ lines: [3000] });
    const before = await clinic.db.documentCounter.findMany();

    // The second tender fails in the database, after the draft was issued and the first receipt written.
    const refuseOther = await refusePaymentsByOther();
    try {
      const result = await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: draft.id,
        tenders: [
          { method: "CASH", amountMinor: 1000 },
          { method: "OTHER", amountMinor: 2000 },
        ],
      });
      expect(result.ok).toBe(false);
    } finally {
      await refuseOther();
    }

    expect(await clinic.db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "DRAFT",
      number: null,
    });
    expect(await clinic.db.payment.count({ where: { patientId: draft.patientId } })).toBe(0);
    expect(await clinic.db.documentCounter.findMany()).toEqual(before);
  });

  it("lets twenty cashiers pay the whole balance at once without allocating beyond the total", async () => {
    const invoice = await clinic.invoices.issued({ lines: [7500] });

    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        clinic.callAs("RECEPTIONIST", takePaymentAction, {
          invoiceId: invoice.id,
          tenders: [{ method: "CARD", amountMinor: 7500 }],
        }),
      ),
    );

    expect(results.every((result) => result.ok)).toBe(true);
    const allocations = await clinic.db.paymentAllocation.findMany({ where: { invoiceId: invoice.id } });
    expect(allocations.map((a) => a.amountMinor)).toEqual([7500]);
    expect(await balanceOf(invoice.id)).toMatchObject({ state: "PAID", balanceMinor: 0 });
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({
      owedMinor: 0,
      creditMinor: 19 * 7500,
    });
    const numbers = await clinic.db.payment.findMany({
      where: { patientId: invoice.patientId },
      select: { receiptNumber: true },
    });
    expect(new Set(numbers.map((p) => p.receiptNumber)).size).toBe(20);
  });

  it("refuses a credit note and an unknown invoice without writing anything", async () => {
    const result = await clinic.callAs("RECEPTIONIST", takePaymentAction, {
      invoiceId: "00000000-0000-4000-8000-000000000000",
      tenders: [{ method: "CASH", amountMinor: 100 }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("applying credit", () => {
  it("spends the oldest credit first and never more than the balance", async () => {
    const invoice = await clinic.invoices.issued({ lines: [3000] });
    const base = {
      patientId: invoice.patientId,
      locationId: invoice.locationId,
      takenById: clinic.billingId,
    };
    const older = await creditPaymentRow(clinic.db, {
      ...base,
      amountMinor: 2000,
      takenAt: new Date("2026-01-01"),
    });
    const newer = await creditPaymentRow(clinic.db, {
      ...base,
      amountMinor: 5000,
      takenAt: new Date("2026-02-01"),
    });

    const applied = dataOf(await clinic.callAs("RECEPTIONIST", applyCreditAction, { invoiceId: invoice.id }));

    expect(applied).toMatchObject({ appliedMinor: 3000, balanceMinor: 0, creditLeftMinor: 4000 });
    expect(applied.message).toBe(
      `£30.00 of credit applied to invoice ${invoice.number}. Nothing more is due on it. Credit left: £40.00.`,
    );
    const allocations = await clinic.db.paymentAllocation.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { amountMinor: "desc" },
    });
    expect(allocations.map((a) => [a.paymentId, a.amountMinor, a.fromCredit])).toEqual([
      [older.id, 2000, true],
      [newer.id, 1000, true],
    ]);
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({
      owedMinor: 0,
      creditMinor: 4000,
    });
  });

  it("says so when there is no credit or nothing is due", async () => {
    const invoice = await clinic.invoices.issued({ lines: [3000] });
    expect(await clinic.callAs("RECEPTIONIST", applyCreditAction, { invoiceId: invoice.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "The patient has no credit to apply." },
    });
  });
});

describe("refunds", () => {
  it("refunds unapplied money to a method with a reason, and never more than is unapplied", async () => {
    const invoice = await clinic.invoices.issued({ lines: [3000] });
    const taken = dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "CASH", amountMinor: 5000 }],
      }),
    );
    const paymentId = taken.receipts[0]?.paymentId ?? "";

    const tooMuch = await clinic.callAs("BILLING", refundPaymentAction, {
      paymentId,
      amountMinor: 2001,
      method: "CASH",
      reason: "Overpaid",
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(tooMuch.ok ? "" : tooMuch.error.message).toContain("At most £20.00");
    expect(tooMuch.ok ? "" : tooMuch.error.message).toContain("void the invoice first");

    const refunded = dataOf(
      await clinic.callAs("BILLING", refundPaymentAction, {
        paymentId,
        amountMinor: 2000,
        method: "CASH",
        reason: "Overpaid",
      }),
    );
    expect(refunded.unappliedLeftMinor).toBe(0);
    expect(
      await clinic.callAs("BILLING", refundPaymentAction, {
        paymentId,
        amountMinor: 1,
        method: "CASH",
        reason: "Again",
      }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await clinic.db.refund.count({ where: { paymentId } })).toBe(1);
    expect(await findPatientAccount(clinic.db, invoice.patientId)).toEqual({ owedMinor: 0, creditMinor: 0 });
  });

  it("lets ten refunds of the same credit at once give back at most what is unapplied", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const location = await rowsOf(clinic.db).location();
    const payment = await creditPaymentRow(clinic.db, {
      patientId: patient.id,
      locationId: location.id,
      takenById: clinic.billingId,
      amountMinor: 3000,
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        clinic.callAs("BILLING", refundPaymentAction, {
          paymentId: payment.id,
          amountMinor: 1000,
          method: "CARD",
          reason: "Credit returned",
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(await findPatientAccount(clinic.db, patient.id)).toEqual({ owedMinor: 0, creditMinor: 0 });
  });

  it("does not let a receptionist refund", async () => {
    const patient = await rowsOf(clinic.db).patient();
    const location = await rowsOf(clinic.db).location();
    const payment = await creditPaymentRow(clinic.db, {
      patientId: patient.id,
      locationId: location.id,
      takenById: clinic.billingId,
    });
    expect(
      await clinic.callAs("RECEPTIONIST", refundPaymentAction, {
        paymentId: payment.id,
        amountMinor: 100,
        method: "CASH",
        reason: "Try",
      }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
