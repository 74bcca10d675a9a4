import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BillingFixture, createBillingFixture } from "@/lib/testing/billing-fixtures";
import { billingRowsOf } from "@/lib/testing/billing-rows";
import { findInvoiceBalances } from "./balances";
import { voidInvoice } from "./invoices/void-invoice";
import { applyCredit } from "./payments/apply-credit";
import { refundPayment } from "./payments/refund-payment";
import { takePayment } from "./payments/take-payment";
import { findUnappliedPayments } from "./payments/unapplied-money";

let clinic: BillingFixture;

beforeAll(async () => {
  clinic = await createBillingFixture({ subdomain: "applied-totals", currency: "GBP" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

type Totals = Record<string, { applied: number; fromCredit: number }>;

/** What the database keeps per invoice, and what summing every allocation says it should be. */
async function keptAndSummed(): Promise<{ kept: Totals; summed: Totals }> {
  const [kept, summed] = await Promise.all([
    clinic.db.$queryRaw<{ invoice_id: string; applied: number; from_credit: number }[]>`
      SELECT invoice_id, applied_minor AS applied, from_credit_minor AS from_credit FROM invoice_applied_totals`,
    clinic.db.$queryRaw<{ invoice_id: string; applied: number; from_credit: number }[]>`
      SELECT invoice_id, SUM(amount_minor)::int AS applied,
             COALESCE(SUM(amount_minor) FILTER (WHERE from_credit), 0)::int AS from_credit
        FROM payment_allocations GROUP BY invoice_id`,
  ]);
  const byInvoice = (rows: { invoice_id: string; applied: number; from_credit: number }[]) =>
    Object.fromEntries(
      rows.map((row) => [row.invoice_id, { applied: row.applied, fromCredit: row.from_credit }]),
    );
  return { kept: byInvoice(kept), summed: byInvoice(summed) };
}

/** A small deterministic generator, so a failing mix can be replayed. */
function seeded(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((state / 2 ** 31) * below);
  };
}

describe("invoice_applied_totals", () => {
  it("equals the sum of every invoice's allocations after a random mix of payments, credit, voids and refunds", async () => {
    const random = seeded(14);
    const actor = clinic.billingActor;
    const patients = [await clinic.invoices.issued(), await clinic.invoices.issued()].map((invoice) => ({
      patientId: invoice.patientId,
      locationId: invoice.locationId,
    }));
    const open: string[] = [];
    for (const owner of patients)
      for (let n = 0; n < 4; n++)
        open.push((await clinic.invoices.issued({ ...owner, lines: [1000 + random(9000), 500] })).id);
    const methods = ["CASH", "CARD", "BANK_TRANSFER", "OTHER"] as const;
    let voids = 0;
    for (let step = 0; step < 40; step++) {
      const invoiceId = open[random(open.length)] ?? "";
      const move = random(10);
      if (move < 5) {
        // Sometimes more than is due: the rest becomes credit (and a voided invoice's payment all of it).
        await takePayment({
          db: clinic.db,
          actor,
          invoiceId,
          tenders: [{ method: methods[random(4)] ?? "CASH", amountMinor: 100 + random(4000) }],
        });
      } else if (move < 7) {
        const [balance] = (await findInvoiceBalances(clinic.db, [invoiceId])).values();
        if (balance?.state === "UNPAID" || balance?.state === "PARTLY_PAID")
          await applyCredit({ db: clinic.db, actor, invoiceId }).catch(() => undefined);
      } else if (move < 8 && voids < 3) {
        const [balance] = (await findInvoiceBalances(clinic.db, [invoiceId])).values();
        if (balance?.state !== "VOID") {
          await voidInvoice({ db: clinic.db, actor, invoiceId, reason: "Billed in error" });
          voids += 1;
        }
      } else {
        const owner = patients[random(patients.length)];
        const [unapplied] = owner ? await findUnappliedPayments(clinic.db, owner.patientId) : [];
        if (unapplied)
          await refundPayment({
            db: clinic.db,
            actor,
            paymentId: unapplied.id,
            amountMinor: 1 + random(unapplied.unappliedMinor),
            method: "CASH",
            reason: "Asked for it back",
          });
      }
    }

    const { kept, summed } = await keptAndSummed();
    expect(Object.keys(summed).length).toBeGreaterThan(4);
    expect(kept).toEqual(summed);
    // The mix did reverse payments of voided invoices and apply credit.
    const [mix] = await clinic.db.$queryRaw<[{ reversals: number; credit: number; refunds: number }]>`
      SELECT (SELECT count(*)::int FROM payment_allocations WHERE amount_minor < 0) AS reversals,
             (SELECT count(*)::int FROM payment_allocations WHERE from_credit) AS credit,
             (SELECT count(*)::int FROM refunds) AS refunds`;
    expect(mix.reversals).toBeGreaterThan(0);
    expect(mix.credit).toBeGreaterThan(0);
    expect(mix.refunds).toBeGreaterThan(0);
  });

  it("adds up exactly when twenty allocations to one invoice are written at once", async () => {
    const invoice = await clinic.invoices.issued({ lines: [100_000] });
    const rows = billingRowsOf(clinic.db, clinic.billingId);
    const owner = { patientId: invoice.patientId, locationId: invoice.locationId };
    const amounts = Array.from({ length: 20 }, (_, n) => 101 + n * 7);
    const payments = await Promise.all(
      amounts.map((amountMinor) => rows.payment({ ...owner, amountMinor, takenAt: new Date() })),
    );
    // No invoice lock here: only the total row's own lock keeps the sums apart.
    await Promise.all(
      payments.map((payment) =>
        clinic.db.$transaction(async (tx) => {
          await tx.paymentAllocation.create({
            data: {
              paymentId: payment.id,
              invoiceId: invoice.id,
              amountMinor: payment.amountMinor,
              appliedById: clinic.billingId,
            },
          });
          await tx.$executeRaw`SELECT pg_sleep(0.02)`;
        }),
      ),
    );
    const [row] = await clinic.db.$queryRaw<[{ applied: number }]>`
      SELECT applied_minor AS applied FROM invoice_applied_totals WHERE invoice_id = ${invoice.id}::uuid`;
    expect(row.applied).toBe(amounts.reduce((sum, amount) => sum + amount, 0));
  });

  it("gives twenty cashiers paying one invoice at once the exact total, never more than it", async () => {
    const invoice = await clinic.invoices.issued({ lines: [10_000] });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        takePayment({
          db: clinic.db,
          actor: clinic.billingActor,
          invoiceId: invoice.id,
          tenders: [{ method: "CASH", amountMinor: 700 }],
        }),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const balance = (await findInvoiceBalances(clinic.db, [invoice.id])).get(invoice.id);
    expect(balance).toMatchObject({ appliedMinor: 10_000, balanceMinor: 0, state: "PAID" });
    const { kept, summed } = await keptAndSummed();
    expect(kept[invoice.id]).toEqual(summed[invoice.id]);
  });

  it("cannot be written by the clinic's own role, only derived", async () => {
    const invoice = await clinic.invoices.issued({ lines: [3000] });
    await clinic.paidTowards(invoice, 1000);
    const other = await clinic.invoices.issued({ lines: [3000] });

    await expect(
      clinic.db
        .$executeRaw`UPDATE invoice_applied_totals SET applied_minor = 3000 WHERE invoice_id = ${invoice.id}::uuid`,
    ).rejects.toThrow(/derived from payment_allocations|permission denied/);
    await expect(
      clinic.db.$executeRaw`DELETE FROM invoice_applied_totals WHERE invoice_id = ${invoice.id}::uuid`,
    ).rejects.toThrow(/derived from payment_allocations|permission denied/);
    await expect(
      clinic.db.$executeRaw`INSERT INTO invoice_applied_totals (invoice_id, applied_minor, from_credit_minor)
        VALUES (${other.id}::uuid, 3000, 0)`,
    ).rejects.toThrow(/derived from payment_allocations|permission denied/);
    await expect(clinic.db.$executeRaw`TRUNCATE invoice_applied_totals`).rejects.toThrow(
      /derived from payment_allocations|permission denied/,
    );
    // Not even granted: provisioning's grants after each migration leave the role reading only.
    const [privileges] = await clinic.db.$queryRaw<{ write: boolean; read: boolean }[]>`
      SELECT has_table_privilege(current_user, 'invoice_applied_totals', 'INSERT, UPDATE, DELETE, TRUNCATE') AS write,
             has_table_privilege(current_user, 'invoice_applied_totals', 'SELECT') AS read`;
    expect(privileges).toEqual({ write: false, read: true });

    const balances = await findInvoiceBalances(clinic.db, [invoice.id, other.id]);
    expect(balances.get(invoice.id)).toMatchObject({ appliedMinor: 1000, balanceMinor: 2000 });
    expect(balances.get(other.id)).toMatchObject({ appliedMinor: 0, state: "UNPAID" });
  });
});
