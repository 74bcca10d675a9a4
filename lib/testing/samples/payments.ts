import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { invoiceRowsOf } from "../invoice-rows";
import { next } from "../sample-rows";

/** A payment written directly with no allocation: all of it is the patient's credit. */
export async function creditPaymentRow(
  db: TenantDb,
  options: { patientId: string; locationId: string; takenById: string; amountMinor?: number; takenAt?: Date },
) {
  return db.payment.create({
    data: {
      receiptNumber: `RCT-1999-${String(next()).padStart(6, "0")}`,
      patientId: options.patientId,
      locationId: options.locationId,
      method: "CASH",
      amountMinor: options.amountMinor ?? 2000,
      takenById: options.takenById,
      takenAt: options.takenAt,
    },
  });
}

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function paymentsForeignIds(db: TenantDb): Promise<[string, string][]> {
  const billing = await db.staffUser.create({
    data: { email: `b${next()}@sample.test`, name: "Bill Ing", role: "BILLING", passwordHash: "!" },
  });
  const invoice = await invoiceRowsOf(db).issued(billing.id);
  const payment = await creditPaymentRow(db, { ...invoice, takenById: billing.id });
  return [
    ["invoiceId", invoice.id],
    ["paymentId", payment.id],
  ];
}

const billingId = (world: SampleWorld) => world.clinic.members.BILLING.id;

/** An issued invoice of 50.00 and 20.00 of the same patient's credit. */
async function invoiceWithCredit(world: SampleWorld) {
  const invoice = await invoiceRowsOf(world.clinic.db).issued(billingId(world));
  await creditPaymentRow(world.clinic.db, { ...invoice, takenById: billingId(world) });
  return invoice;
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const PAYMENTS_SAMPLES: [string, Sample][] = [
  [
    "payments/take-payment",
    async (world) => ({
      invoiceId: (await invoiceRowsOf(world.clinic.db).draft({ lines: [3000, 2000] })).id,
      tenders: [
        { method: "CASH", amountMinor: 2000 },
        { method: "CARD", amountMinor: 3000, reference: "Auth 123456" },
      ],
    }),
  ],
  ["payments/apply-credit", async (world) => ({ invoiceId: (await invoiceWithCredit(world)).id })],
  [
    "payments/refund-payment",
    async (world) => {
      const invoice = await invoiceWithCredit(world);
      const payment = await world.clinic.db.payment.findFirstOrThrow({
        where: { patientId: invoice.patientId },
      });
      return { paymentId: payment.id, amountMinor: 1500, method: "CASH", reason: "Paid twice by mistake" };
    },
  ],
  [
    "printing/print-receipt",
    async (world) => {
      const invoice = await invoiceWithCredit(world);
      const payment = await world.clinic.db.payment.findFirstOrThrow({
        where: { patientId: invoice.patientId },
      });
      return { paymentId: payment.id };
    },
  ],
];
