import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";
import { dataOf } from "@/lib/testing/action-result";
import { type BillingFixture, createBillingFixture } from "@/lib/testing/billing-fixtures";
import { changeAppointmentStatusAction } from "../appointments/change-appointment-status";
import { takePaymentAction } from "../payments/take-payment";
import { issueInvoiceAction } from "./issue-invoice";

let clinic: BillingFixture;

beforeAll(async () => {
  clinic = await createBillingFixture({
    subdomain: "drafts",
    defaultItem: {
      code: "GP",
      name: "GP consultation",
      priceMinor: 6000,
      taxTreatment: "RATED",
      taxRateBp: 2000,
    },
  });
  const noShow = await clinic.db.billableItem.create({
    data: {
      code: "NS",
      name: "Missed appointment",
      priceMinor: 2500,
      exemptReason: "Outside the scope of VAT",
    },
  });
  await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { noShowItemId: noShow.id } });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const move = (appointmentId: string, to: AppointmentStatus) =>
  clinic.callAs("RECEPTIONIST", changeAppointmentStatusAction, {
    appointmentId,
    to,
    ...(to === "CANCELLED" ? { cancelReason: "Patient left before being seen" } : {}),
  });
const draftOf = (appointmentId: string) =>
  clinic.db.invoice.findFirst({ where: { appointmentId, status: "DRAFT" }, include: { lines: true } });
const invoicesOf = (appointmentId: string) => clinic.db.invoice.count({ where: { appointmentId } });
const statusOf = async (appointmentId: string) =>
  (await clinic.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status;
/** Today's appointment moved to `status`, with the draft that move made. */
async function appointmentAt(status: "CHECKED_IN" | "NO_SHOW") {
  const appointment = await clinic.todaysAppointment();
  dataOf(await move(appointment.id, status));
  const draft = await draftOf(appointment.id);
  if (!draft) throw new Error(`no draft after ${status}`);
  return { appointment, draft };
}
const issue = async (invoiceId: string) =>
  dataOf(await clinic.callAs("BILLING", issueInvoiceAction, { invoiceId })).number;

describe("checking in and undoing it", () => {
  it("drafts the visit's invoice at check-in from the type's item, and undoing the check-in removes it", async () => {
    const appointment = await clinic.todaysAppointment();
    dataOf(await move(appointment.id, "CHECKED_IN"));
    const draft = await draftOf(appointment.id);
    expect(draft).toMatchObject({
      totalMinor: 7200,
      taxMinor: 1200,
      currency: "USD",
      doctorId: appointment.doctorId,
    });
    expect(draft?.lines[0]).toMatchObject({
      description: "GP consultation",
      unitPriceMinor: 6000,
      taxRateBp: 2000,
    });

    expect(dataOf(await move(appointment.id, "BOOKED"))).toMatchObject({
      status: "BOOKED",
      from: "CHECKED_IN",
      invoiceNotice: null,
    });
    expect(await invoicesOf(appointment.id)).toBe(0);

    dataOf(await move(appointment.id, "CHECKED_IN"));
    expect(await clinic.db.invoice.count({ where: { appointmentId: appointment.id, status: "DRAFT" } })).toBe(
      1,
    );
  });

  it("keeps the check-in once its invoice is issued, saying what to do", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    await issue(draft.id);
    const refused = await move(appointment.id, "BOOKED");
    expect(refused).toMatchObject({
      error: { code: "CONFLICT", message: expect.stringContaining("void it with a credit note") },
    });
    expect(await statusOf(appointment.id)).toBe("CHECKED_IN");
  });

  it("keeps the check-in once money was taken on its draft", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    await clinic.paidTowards(draft, 1000);
    expect(await move(appointment.id, "BOOKED")).toMatchObject({
      error: { code: "CONFLICT", message: expect.stringContaining("the check-in stands") },
    });
    expect(await draftOf(appointment.id)).not.toBeNull();
  });

  it("leaves the invoice as it is when the visit starts and completes", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    dataOf(await move(appointment.id, "IN_PROGRESS"));
    dataOf(await move(appointment.id, "COMPLETED"));
    expect(await draftOf(appointment.id)).toMatchObject({ id: draft.id, totalMinor: 7200 });
  });
});

describe("a no-show and undoing it", () => {
  it("drafts the no-show fee, and undoing the no-show removes it and says it was the no-show", async () => {
    const { appointment, draft } = await appointmentAt("NO_SHOW");
    expect(draft.lines[0]).toMatchObject({ description: "Missed appointment", unitPriceMinor: 2500 });

    expect(dataOf(await move(appointment.id, "BOOKED"))).toMatchObject({ status: "BOOKED", from: "NO_SHOW" });
    expect(await invoicesOf(appointment.id)).toBe(0);
    expect(
      await clinic.db.auditEvent.count({ where: { action: "invoice.draft-removed", targetId: draft.id } }),
    ).toBe(1);
  });

  it("keeps the no-show once its fee is issued", async () => {
    const { appointment, draft } = await appointmentAt("NO_SHOW");
    const number = await issue(draft.id);
    expect(await move(appointment.id, "BOOKED")).toMatchObject({
      error: {
        code: "CONFLICT",
        message: expect.stringContaining(`${number} is already issued, so the no-show stands`),
      },
    });
    expect(await statusOf(appointment.id)).toBe("NO_SHOW");
  });

  it("cannot cancel a no-show directly: it is undone first, then cancelled", async () => {
    const { appointment } = await appointmentAt("NO_SHOW");
    expect(await move(appointment.id, "CANCELLED")).toMatchObject({ error: { code: "CONFLICT" } });
    dataOf(await move(appointment.id, "BOOKED"));
    expect(dataOf(await move(appointment.id, "CANCELLED"))).toMatchObject({
      status: "CANCELLED",
      invoiceNotice: null,
    });
    expect(await invoicesOf(appointment.id)).toBe(0);
  });
});

describe("cancelling a checked-in appointment", () => {
  it("removes its untouched draft in the same step", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    expect(dataOf(await move(appointment.id, "CANCELLED"))).toMatchObject({
      status: "CANCELLED",
      from: "CHECKED_IN",
      invoiceNotice: null,
    });
    expect(await invoicesOf(appointment.id)).toBe(0);
    expect(
      await clinic.db.auditEvent.count({ where: { action: "invoice.draft-removed", targetId: draft.id } }),
    ).toBe(1);
  });

  it("keeps an issued invoice and tells the receptionist billing voids it", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    const number = await issue(draft.id);
    expect(dataOf(await move(appointment.id, "CANCELLED"))).toMatchObject({
      status: "CANCELLED",
      invoiceNotice: `The invoice ${number} stays: billing voids it with a credit note if needed.`,
    });
    expect(await clinic.db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "ISSUED",
      number,
    });
  });

  it("keeps a draft money was taken on, and says so", async () => {
    const { appointment, draft } = await appointmentAt("CHECKED_IN");
    await clinic.paidTowards(draft, 1000);
    expect(dataOf(await move(appointment.id, "CANCELLED"))).toMatchObject({
      status: "CANCELLED",
      invoiceNotice: expect.stringContaining("The draft invoice stays: money was already taken"),
    });
    expect(await draftOf(appointment.id)).toMatchObject({ id: draft.id });
  });

  it("takes turns with a cashier paying the draft at that moment: the money is never left on a removed invoice", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { appointment, draft } = await appointmentAt("CHECKED_IN");
      const [cancelled, paid] = await Promise.all([
        move(appointment.id, "CANCELLED"),
        clinic.callAs("RECEPTIONIST", takePaymentAction, {
          invoiceId: draft.id,
          tenders: [{ method: "CASH", amountMinor: 7200 }],
        }),
      ]);
      const { invoiceNotice } = dataOf(cancelled);
      if (paid.ok) {
        expect(invoiceNotice).toBe(
          `The invoice ${paid.data.invoiceNumber} stays: billing voids it with a credit note if needed.`,
        );
      } else {
        expect(paid.error.code).toBe("NOT_FOUND");
        expect(invoiceNotice).toBeNull();
        expect(await invoicesOf(appointment.id)).toBe(0);
      }
    }
  });

  it("writes nothing about invoices when a booked appointment is cancelled", async () => {
    const appointment = await clinic.todaysAppointment();
    expect(dataOf(await move(appointment.id, "CANCELLED"))).toMatchObject({
      status: "CANCELLED",
      from: "BOOKED",
      invoiceNotice: null,
    });
    expect(await invoicesOf(appointment.id)).toBe(0);
  });
});
