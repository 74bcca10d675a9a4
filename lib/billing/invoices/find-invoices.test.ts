import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, zonedTimeToUtc } from "@/lib/clinic/time";
import { billingRowsOf } from "@/lib/testing/billing-rows";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import type { InvoiceListQuery } from "@/lib/validations/invoices";
import { findInvoiceBalances } from "../balances";
import { findInvoices, INVOICE_PAGE_SIZE } from "./find-invoices";

const ZONE = "America/New_York";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "invoice-list", timezone: ZONE });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const billing = () => billingRowsOf(clinic.db, clinic.members.BILLING.id);
const at = (date: string, minute: number) => zonedTimeToUtc(date, minute, ZONE);
const list = (query: Partial<InvoiceListQuery>) =>
  findInvoices(clinic.db, { page: 1, timeZone: ZONE, ...query });

/** Each test keeps to its own clinic days, so its filters see only its own invoices. */
async function someInvoices(day: string) {
  const rows = billing();
  const patient = await rows.patient();
  const location = await rows.location();
  const ids = { patientId: patient.id, locationId: location.id };
  const issue = (minute: number, totalMinor: number) =>
    rows.invoice({ ...ids, totalMinor, issuedAt: at(day, minute) });
  const pay = async (invoiceId: string, amountMinor: number, fromCredit = false) => {
    const payment = await rows.payment({ ...ids, amountMinor, takenAt: at(day, 700) });
    await rows.allocate({
      paymentId: payment.id,
      invoiceId,
      amountMinor,
      fromCredit,
      appliedAt: at(day, 700),
    });
    return payment;
  };
  const paid = await issue(600, 5000);
  const cashPayment = await pay(paid.id, 5000);
  // A refund of a payment's unapplied part changes no invoice's state.
  await rows.refund({ paymentId: cashPayment.id, amountMinor: 100, refundedAt: at(day, 800) });
  const part = await issue(601, 3000);
  await pay(part.id, 1000);
  const unpaid = await issue(602, 4000);
  const fromCredit = await issue(603, 2000);
  await pay(fromCredit.id, 2000, true);
  const free = await issue(604, 0);
  // Voided after a payment: the credit note, and the payment handed back to credit.
  const voided = await issue(605, 7000);
  const voidedPayment = await pay(voided.id, 7000);
  const creditNote = await rows.invoice({
    ...ids,
    kind: "CREDIT_NOTE",
    totalMinor: -7000,
    creditedInvoiceId: voided.id,
    issuedAt: at(day, 606),
  });
  await rows.allocate({
    paymentId: voidedPayment.id,
    invoiceId: voided.id,
    amountMinor: -7000,
    appliedAt: at(day, 606),
  });
  const draft = await clinic.db.invoice.create({
    data: {
      ...ids,
      currency: "USD",
      pricesIncludeTax: false,
      totalMinor: 900,
      subtotalMinor: 900,
      createdAt: at(day, 607),
    },
  });
  return { paid, part, unpaid, fromCredit, free, voided, creditNote, draft };
}

describe("the invoice list", () => {
  it("shows each invoice's state and balance as the invoice page works them out, and filters by each state with its count", async () => {
    const day = "2025-03-10";
    const made = await someInvoices(day);
    const range = { from: day, to: day };

    const all = await list(range);

    expect(all.total).toBe(8);
    expect(all.rows.map((row) => [row.id, row.state, row.balanceMinor])).toEqual([
      [made.draft.id, "DRAFT", 0],
      [made.creditNote.id, "CREDIT_NOTE", 0],
      [made.voided.id, "VOID", 0],
      [made.free.id, "PAID", 0],
      [made.fromCredit.id, "PAID", 0],
      [made.unpaid.id, "UNPAID", 4000],
      [made.part.id, "PARTLY_PAID", 2000],
      [made.paid.id, "PAID", 0],
    ]);
    const balances = await findInvoiceBalances(
      clinic.db,
      all.rows.map((row) => row.id),
    );
    for (const row of all.rows) expect(balances.get(row.id)?.state).toBe(row.state);
    const byState = async (state: InvoiceListQuery["state"]) => {
      const page = await list({ ...range, state });
      return { total: page.total, ids: page.rows.map((row) => row.id) };
    };
    expect(await byState("PAID")).toEqual({
      total: 3,
      ids: [made.free.id, made.fromCredit.id, made.paid.id],
    });
    expect(await byState("PARTLY_PAID")).toEqual({ total: 1, ids: [made.part.id] });
    expect(await byState("UNPAID")).toEqual({ total: 1, ids: [made.unpaid.id] });
    expect(await byState("VOID")).toEqual({ total: 1, ids: [made.voided.id] });
    expect(await byState("CREDIT_NOTE")).toEqual({ total: 1, ids: [made.creditNote.id] });
    expect(await byState("DRAFT")).toEqual({ total: 1, ids: [made.draft.id] });
  });

  it("counts a state over every clinic day when no dates are given", async () => {
    await someInvoices("2025-04-02");
    const unpaid = await list({ state: "UNPAID" });
    const everything = await list({});
    const perState = await Promise.all(
      (["DRAFT", "UNPAID", "PARTLY_PAID", "PAID", "VOID", "CREDIT_NOTE"] as const).map((state) =>
        list({ state }),
      ),
    );

    expect(unpaid.total).toBeGreaterThanOrEqual(1);
    expect(unpaid.rows.every((row) => row.state === "UNPAID" && row.balanceMinor > 0)).toBe(true);
    expect(perState.reduce((sum, page) => sum + page.total, 0)).toBe(everything.total);
  });

  it("reads from and to as days in the clinic's time zone, a draft by the day it was made", async () => {
    const rows = billing();
    const patient = await rows.patient();
    const location = await rows.location();
    const ids = { patientId: patient.id, locationId: location.id };
    // 23:55 in New York on 30 June is already 1 July in UTC: the clinic's day decides.
    const lateEvening = await rows.invoice({ ...ids, totalMinor: 100, issuedAt: at("2025-06-30", 1435) });
    const earlyMorning = await rows.invoice({ ...ids, totalMinor: 100, issuedAt: at("2025-07-01", 5) });
    const draft = await clinic.db.invoice.create({
      data: { ...ids, currency: "USD", pricesIncludeTax: false, createdAt: at("2025-07-01", 1439) },
    });

    const idsOf = async (query: Partial<InvoiceListQuery>) => (await list(query)).rows.map((row) => row.id);
    expect(await idsOf({ from: "2025-06-30", to: "2025-06-30" })).toEqual([lateEvening.id]);
    expect(await idsOf({ from: "2025-07-01", to: "2025-07-01" })).toEqual([draft.id, earlyMorning.id]);
    expect(await idsOf({ from: "2025-07-01", to: "2025-07-01", state: "UNPAID" })).toEqual([earlyMorning.id]);
    expect((await list({ from: "2025-06-30", to: "2025-07-01", state: "UNPAID" })).total).toBe(2);
  });

  it("pages newest first with the same order and count on every page", async () => {
    const rows = billing();
    const patient = await rows.patient();
    const location = await rows.location();
    const first = "2025-09-01";
    const made: string[] = [];
    for (let n = 0; n < INVOICE_PAGE_SIZE + 3; n++) {
      const invoice = await rows.invoice({
        patientId: patient.id,
        locationId: location.id,
        totalMinor: 1000,
        issuedAt: at(addDays(first, n % 4), 600), // several on one instant: the id breaks the tie
      });
      made.push(invoice.id);
    }
    const range = { from: first, to: addDays(first, 3) };

    const one = await list(range);
    const two = await list({ ...range, page: 2 });
    const unpaidTwo = await list({ ...range, state: "UNPAID", page: 2 });

    expect(one.total).toBe(INVOICE_PAGE_SIZE + 3);
    expect(two.total).toBe(INVOICE_PAGE_SIZE + 3);
    expect(one.rows).toHaveLength(INVOICE_PAGE_SIZE);
    const seen = [...one.rows, ...two.rows];
    expect(new Set(seen.map((row) => row.id))).toEqual(new Set(made));
    for (let i = 1; i < seen.length; i++) {
      const [before, after] = [seen[i - 1], seen[i]];
      if (!before || !after) continue;
      expect(
        before.date.getTime() > after.date.getTime() ||
          (before.date.getTime() === after.date.getTime() && before.id > after.id),
      ).toBe(true);
    }
    expect(unpaidTwo.rows.map((row) => row.id)).toEqual(two.rows.map((row) => row.id));
  });
});
