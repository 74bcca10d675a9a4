import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeDocumentNumber } from "@/lib/billing/document-numbers";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { dataOf } from "@/lib/testing/action-result";
import { type BillingFixture, createBillingFixture } from "@/lib/testing/billing-fixtures";
import { addInvoiceLineAction } from "./add-invoice-line";
import { issueInvoiceAction } from "./issue-invoice";
import { updateInvoiceLineAction } from "./update-invoice-line";
import { voidInvoiceAction } from "./void-invoice";

let clinic: BillingFixture;

beforeAll(async () => {
  clinic = await createBillingFixture({ subdomain: "invoices" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("numbers", () => {
  // First in the file: this clinic has issued nothing yet this year.
  it("gives 20 drafts issued at once the numbers 1 to 20 of the year, with no gap", async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => clinic.invoices.draft()));
    const issued = await Promise.all(
      drafts.map(async (draft) =>
        dataOf(await clinic.callAs("BILLING", issueInvoiceAction, { invoiceId: draft.id })),
      ),
    );
    const year = new Date().getUTCFullYear();
    expect(issued.map((one) => one.number).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(6, "0")}`),
    );
  });

  it("gives a number back when the transaction that took it fails", async () => {
    await expect(
      clinic.db.$transaction(async (tx) => {
        await takeDocumentNumber(tx, "INV", 2040);
        throw new Error("the printer caught fire");
      }),
    ).rejects.toThrow("printer");
    const number = await clinic.db.$transaction((tx) => takeDocumentNumber(tx, "INV", 2040));
    expect(number).toBe("INV-2040-000001");
  });

  it("starts the year's series by the clinic's own calendar (New Year's Eve 23:30 UTC is already New Year's Day in Auckland)", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { timezone: "Pacific/Auckland" } });
    try {
      const draft = await clinic.invoices.draft();
      const issued = await clinic.db.$transaction((tx) =>
        issueInvoice(tx, {
          actor: clinic.billingActor,
          invoiceId: draft.id,
          now: new Date("2026-12-31T23:30:00Z"),
        }),
      );
      expect(issued.number).toBe("INV-2027-000001");
    } finally {
      await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { timezone: "UTC" } });
    }
  });
});

describe("editing a draft", () => {
  it("computes every line on the server and refuses a discount over the line, writing nothing", async () => {
    const draft = await clinic.invoices.draft();
    const added = dataOf(
      await clinic.callAs("BILLING", addInvoiceLineAction, {
        invoiceId: draft.id,
        line: {
          description: "Dressing",
          quantity: 3,
          unitPriceMinor: 333,
          taxTreatment: "RATED",
          taxRateBp: 2000,
        },
      }),
    );
    expect(added).toMatchObject({ subtotalMinor: 5999, taxMinor: 200, totalMinor: 6199 });
    const refused = await clinic.callAs("BILLING", updateInvoiceLineAction, {
      lineId: added.lineId,
      description: "Dressing",
      quantity: 1,
      unitPriceMinor: 100,
      discountMinor: 101,
    });
    expect(refused).toMatchObject({
      error: { code: "INVALID", message: expect.stringContaining("discount cannot be more") },
    });
    expect(await clinic.db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      totalMinor: 6199,
    });
    const negative = await clinic.callAs("BILLING", addInvoiceLineAction, {
      invoiceId: draft.id,
      line: { description: "Refund", quantity: -1, unitPriceMinor: 100 },
    });
    expect(negative).toMatchObject({ error: { code: "INVALID" } });
  });
});

describe("issued invoices", () => {
  it("are refused any change or deletion by the database, even as the clinic's own role", async () => {
    const invoice = await clinic.invoices.issued();
    const line = await clinic.db.invoiceLine.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    await expect(
      clinic.db.invoice.update({ where: { id: invoice.id }, data: { note: "changed" } }),
    ).rejects.toThrow();
    await expect(clinic.db.invoice.delete({ where: { id: invoice.id } })).rejects.toThrow();
    await expect(
      clinic.db.invoiceLine.update({ where: { id: line.id }, data: { description: "changed" } }),
    ).rejects.toThrow();
    const edit = await clinic.callAs("BILLING", addInvoiceLineAction, {
      invoiceId: invoice.id,
      line: { description: "More", quantity: 1, unitPriceMinor: 100 },
    });
    expect(edit).toMatchObject({
      error: {
        code: "CONFLICT",
        message: "This invoice is issued and can no longer be changed: void it with a credit note.",
      },
    });
  });

  it("are voided by a credit note that mirrors them, and what was paid becomes the patient's credit", async () => {
    const invoice = await clinic.invoices.issued();
    await clinic.paidTowards(invoice, 2000);
    const voided = dataOf(
      await clinic.callAs("BILLING", voidInvoiceAction, { invoiceId: invoice.id, reason: "Wrong patient" }),
    );
    expect(voided).toMatchObject({
      number: expect.stringMatching(/^CRN-\d{4}-000001$/),
      returnedToCreditMinor: 2000,
    });
    expect(await clinic.db.invoice.findUniqueOrThrow({ where: { id: voided.creditNoteId } })).toMatchObject({
      kind: "CREDIT_NOTE",
      totalMinor: -5000,
      creditedInvoiceId: invoice.id,
    });
    const again = await clinic.callAs("BILLING", voidInvoiceAction, {
      invoiceId: invoice.id,
      reason: "Twice",
    });
    expect(again).toMatchObject({ error: { code: "CONFLICT" } });
    const receptionist = await clinic.callAs("RECEPTIONIST", voidInvoiceAction, {
      invoiceId: invoice.id,
      reason: "x y z",
    });
    expect(receptionist).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});
