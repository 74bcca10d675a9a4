import type { Actor } from "../auth/actor";
import type { Prisma } from "../generated/tenant/client";
import { type ClinicFixture, createClinicFixture } from "./clinic-fixture";
import { invoiceRowsOf, testActor } from "./invoice-rows";
import { next, rowsOf } from "./sample-rows";

type InvoiceRows = ReturnType<typeof invoiceRowsOf>;
type DraftOptions = Parameters<InvoiceRows["draft"]>[0];

export type BillingFixture = ClinicFixture & {
  /** The billing clerk's id (who issues, takes and voids in these tests) and as an actor. */
  billingId: string;
  billingActor: Actor;
  /** Drafts, and invoices issued (and voided) by billing, written straight into the clinic's database. */
  invoices: {
    draft: InvoiceRows["draft"];
    issued(options?: DraftOptions): ReturnType<InvoiceRows["issued"]>;
    voided(options?: DraftOptions): ReturnType<InvoiceRows["voided"]>;
  };
  /** An appointment of today that has already started (so it can be checked in or marked no-show). */
  todaysAppointment(): ReturnType<ReturnType<typeof rowsOf>["appointment"]>;
  /** A cash payment of `amountMinor` taken by billing and applied whole to the invoice. */
  paidTowards(
    invoice: { id: string; patientId: string; locationId: string },
    amountMinor: number,
  ): Promise<void>;
};

/**
 * One clinic set up for billing tests: its currency, and (with `defaultItem`) a priced item behind
 * the clinic's default appointment type, so checking a patient in drafts an invoice of that price.
 * For a test file's beforeAll (and `cleanup` in its afterAll).
 */
export async function createBillingFixture(options: {
  subdomain: string;
  currency?: string;
  defaultItem?: Prisma.BillableItemCreateInput;
}): Promise<BillingFixture> {
  const clinic = await createClinicFixture({ subdomain: options.subdomain });
  if (options.currency)
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: options.currency } });
  if (options.defaultItem) {
    const created = await clinic.db.billableItem.create({ data: options.defaultItem });
    await clinic.db.appointmentType.updateMany({ where: { isDefault: true }, data: { itemId: created.id } });
  }
  const billingId = clinic.members.BILLING.id;
  const invoices = invoiceRowsOf(clinic.db);
  return {
    ...clinic,
    billingId,
    billingActor: { ...testActor(billingId), email: clinic.members.BILLING.email },
    invoices: {
      draft: invoices.draft,
      issued: (draftOptions) => invoices.issued(billingId, draftOptions),
      voided: (draftOptions) => invoices.voided(billingId, draftOptions),
    },
    todaysAppointment: () => rowsOf(clinic.db).appointment({ startsAt: new Date(Date.now() - 60_000) }),
    paidTowards: async (invoice, amountMinor) => {
      const payment = await clinic.db.payment.create({
        data: {
          receiptNumber: `RCT-1999-${String(next()).padStart(6, "0")}`,
          patientId: invoice.patientId,
          locationId: invoice.locationId,
          method: "CASH",
          amountMinor,
          takenById: billingId,
        },
      });
      await clinic.db.paymentAllocation.create({
        data: { paymentId: payment.id, invoiceId: invoice.id, amountMinor, appliedById: billingId },
      });
    },
  };
}
