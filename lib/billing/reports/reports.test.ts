import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, zonedTimeToUtc } from "@/lib/clinic/time";
import { billingRowsOf } from "@/lib/testing/billing-rows";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { findPatientAccount } from "../balances";
import { closeDay } from "./close-day";
import { findDayFigures } from "./day-figures";
import { findOutstandingBalances } from "./outstanding";
import { findStatement } from "./statement";
import { findSuperbill } from "./superbill";

const ZONE = "America/New_York";
// 10:00 in New York on 30 November 2026.
const NOW = new Date("2026-11-30T15:00:00Z");
const TODAY = "2026-11-30";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "billing-reports", timezone: ZONE });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const billing = () => billingRowsOf(clinic.db, clinic.members.BILLING.id);
const at = (date: string, minute: number) => zonedTimeToUtc(date, minute, ZONE);
const actor = () => ({
  id: clinic.members.BILLING.id,
  email: clinic.members.BILLING.email,
  ip: null,
  userAgent: null,
});

async function outstandingOf(patientId: string) {
  const page = await findOutstandingBalances({
    db: clinic.db,
    timeZone: ZONE,
    sort: "amount",
    page: 1,
    pageSize: 500,
    now: NOW,
  });
  return page.rows.find((row) => row.patientId === patientId);
}

describe("outstanding balances with ageing", () => {
  it("ages each open invoice by its issue date in the clinic's time zone, at the 30/31, 60/61 and 90/91 day edges", async () => {
    const rows = billing();
    const patient = await rows.patient();
    const location = await rows.location();
    const issue = (daysAgo: number, minute: number, totalMinor: number) =>
      rows.invoice({
        patientId: patient.id,
        locationId: location.id,
        totalMinor,
        issuedAt: at(addDays(TODAY, -daysAgo), minute),
      });
    await issue(0, 600, 1);
    await issue(30, 1435, 2); // 23:55 in New York: already the next day in UTC
    await issue(31, 5, 4); // 00:05 in New York: still the day before in UTC
    await issue(60, 720, 8);
    await issue(61, 720, 16);
    await issue(90, 720, 32);
    await issue(91, 720, 64);

    expect(await outstandingOf(patient.id)).toMatchObject({
      owedMinor: 127,
      invoiceCount: 7,
      oldestDays: 91,
      days0to30Minor: 3,
      days31to60Minor: 12,
      days61to90Minor: 48,
      days91plusMinor: 64,
    });
  });

  it("leaves out paid, voided and credit-note amounts and ages only what is still owed", async () => {
    const rows = billing();
    const patient = await rows.patient();
    const location = await rows.location();
    const base = { patientId: patient.id, locationId: location.id, issuedAt: at(addDays(TODAY, -40), 720) };
    const paid = await rows.invoice({ ...base, totalMinor: 5000 });
    const part = await rows.invoice({ ...base, totalMinor: 3000 });
    const voided = await rows.invoice({ ...base, totalMinor: 7000 });
    await rows.invoice({ ...base, kind: "CREDIT_NOTE", totalMinor: -7000, creditedInvoiceId: voided.id });
    const payment = await rows.payment({
      patientId: patient.id,
      locationId: location.id,
      amountMinor: 6000,
      takenAt: NOW,
    });
    await rows.allocate({ paymentId: payment.id, invoiceId: paid.id, amountMinor: 5000, appliedAt: NOW });
    await rows.allocate({ paymentId: payment.id, invoiceId: part.id, amountMinor: 1000, appliedAt: NOW });

    expect(await outstandingOf(patient.id)).toMatchObject({
      owedMinor: 2000,
      invoiceCount: 1,
      days31to60Minor: 2000,
    });
    expect((await findPatientAccount(clinic.db, patient.id)).owedMinor).toBe(2000);
  });

  it("sorts by amount or by age and pages with totals over every patient", async () => {
    const byAmount = await findOutstandingBalances({
      db: clinic.db,
      timeZone: ZONE,
      sort: "amount",
      page: 1,
      pageSize: 1,
      now: NOW,
    });
    const byAge = await findOutstandingBalances({
      db: clinic.db,
      timeZone: ZONE,
      sort: "age",
      page: 1,
      pageSize: 1,
      now: NOW,
    });
    const pastTheEnd = await findOutstandingBalances({
      db: clinic.db,
      timeZone: ZONE,
      sort: "age",
      page: 99,
      pageSize: 1,
      now: NOW,
    });

    expect(byAmount.rows).toHaveLength(1);
    expect(byAmount.rows[0]?.owedMinor).toBe(Math.max(...(await allRows()).map((row) => row.owedMinor)));
    expect(byAge.rows[0]?.oldestDays).toBe(Math.max(...(await allRows()).map((row) => row.oldestDays)));
    expect(pastTheEnd.rows).toEqual([]);
    expect(pastTheEnd.patientCount).toBe(byAmount.patientCount);
    const totals = byAmount.totals;
    expect(
      totals.days0to30Minor + totals.days31to60Minor + totals.days61to90Minor + totals.days91plusMinor,
    ).toBe(totals.owedMinor);
  });
});

async function allRows() {
  return (
    await findOutstandingBalances({
      db: clinic.db,
      timeZone: ZONE,
      sort: "amount",
      page: 1,
      pageSize: 500,
      now: NOW,
    })
  ).rows;
}

describe("the day's figures and closing the day", () => {
  it("reconciles: takings by method − refunds = expected cash, credit applied listed apart, each invoice's total = paid + credit + balance", async () => {
    const rows = billing();
    const location = await rows.location();
    const patient = await rows.patient();
    const other = await rows.location();
    const day = "2026-11-27";
    const ids = { patientId: patient.id, locationId: location.id };
    const earlier = await rows.payment({
      ...ids,
      amountMinor: 2500,
      method: "CARD",
      takenAt: at("2026-11-20", 600),
    });
    const cash = await rows.payment({ ...ids, amountMinor: 10000, method: "CASH", takenAt: at(day, 540) });
    await rows.payment({ ...ids, amountMinor: 4000, method: "CARD", takenAt: at(day, 1430) });
    await rows.payment({ ...ids, amountMinor: 999, method: "CASH", takenAt: at("2026-11-28", 1) });
    await rows.payment({
      ...ids,
      locationId: other.id,
      amountMinor: 777,
      method: "CASH",
      takenAt: at(day, 600),
    });
    await rows.refund({ paymentId: cash.id, amountMinor: 1500, method: "CASH", refundedAt: at(day, 900) });
    const invoice = await rows.invoice({ ...ids, totalMinor: 9000, issuedAt: at(day, 560) });
    await rows.allocate({
      paymentId: cash.id,
      invoiceId: invoice.id,
      amountMinor: 5000,
      appliedAt: at(day, 560),
    });
    await rows.allocate({
      paymentId: earlier.id,
      invoiceId: invoice.id,
      amountMinor: 2500,
      fromCredit: true,
      appliedAt: at(day, 560),
    });

    const figures = await findDayFigures({
      db: clinic.db,
      locationId: location.id,
      businessDate: day,
      timeZone: ZONE,
    });

    expect(figures.takingsByMethod).toEqual({ CASH: 10000, CARD: 4000, BANK_TRANSFER: 0, OTHER: 0 });
    expect(figures.refundsByMethod).toEqual({ CASH: 1500, CARD: 0, BANK_TRANSFER: 0, OTHER: 0 });
    expect(figures.takingsMinor).toBe(14000);
    expect(figures.expectedCashMinor).toBe(8500);
    expect(figures.creditAppliedMinor).toBe(2500);
    expect(figures.creditApplied).toMatchObject([
      {
        invoiceNumber: invoice.number,
        patientName: `${patient.firstName} ${patient.lastName}`,
        amountMinor: 2500,
      },
    ]);
    expect(figures.invoices).toMatchObject([
      {
        number: invoice.number,
        totalMinor: 9000,
        paidMinor: 5000,
        creditAppliedMinor: 2500,
        balanceMinor: 1500,
      },
    ]);
    for (const row of figures.invoices)
      expect(row.paidMinor + row.creditAppliedMinor + row.balanceMinor).toBe(row.totalMinor);
  });

  it("marks an invoice voided that day, counts its reversal back in what was paid, and leaves out another location's credit applied", async () => {
    const rows = billing();
    const location = await rows.location();
    const other = await rows.location();
    const patient = await rows.patient();
    const day = "2026-11-26";
    const ids = { patientId: patient.id, locationId: location.id };
    const voided = await rows.invoice({ ...ids, totalMinor: 6000, issuedAt: at(day, 600) });
    const payment = await rows.payment({ ...ids, amountMinor: 6000, method: "CARD", takenAt: at(day, 601) });
    await rows.allocate({
      paymentId: payment.id,
      invoiceId: voided.id,
      amountMinor: 6000,
      appliedAt: at(day, 601),
    });
    await rows.invoice({
      ...ids,
      kind: "CREDIT_NOTE",
      totalMinor: -6000,
      creditedInvoiceId: voided.id,
      issuedAt: at(day, 900),
    });
    await rows.allocate({
      paymentId: payment.id,
      invoiceId: voided.id,
      amountMinor: -6000,
      appliedAt: at(day, 900),
    });
    const elsewhere = await rows.invoice({
      ...ids,
      locationId: other.id,
      totalMinor: 6000,
      issuedAt: at(day, 950),
    });
    await rows.allocate({
      paymentId: payment.id,
      invoiceId: elsewhere.id,
      amountMinor: 6000,
      fromCredit: true,
      appliedAt: at(day, 950),
    });

    const figures = await findDayFigures({
      db: clinic.db,
      locationId: location.id,
      businessDate: day,
      timeZone: ZONE,
    });

    expect(figures.takingsByMethod.CARD).toBe(6000);
    expect(figures.creditApplied).toEqual([]);
    // By number: CRN-… before INV-….
    expect(figures.invoices).toMatchObject([
      {
        kind: "CREDIT_NOTE",
        totalMinor: -6000,
        paidMinor: 0,
        creditAppliedMinor: 0,
        balanceMinor: -6000,
        voided: false,
      },
      {
        kind: "INVOICE",
        totalMinor: 6000,
        paidMinor: 0,
        creditAppliedMinor: 0,
        balanceMinor: 6000,
        voided: true,
      },
    ]);
  });

  it("closes a day with the counted cash and its difference, audited, and refuses a second close naming who closed it", async () => {
    const rows = billing();
    const location = await rows.location();
    const patient = await rows.patient();
    await rows.payment({
      patientId: patient.id,
      locationId: location.id,
      amountMinor: 12000,
      takenAt: at("2026-11-29", 600),
    });
    const close = () =>
      closeDay({
        db: clinic.db,
        actor: actor(),
        locationId: location.id,
        businessDate: "2026-11-29",
        countedCashMinor: 11950,
        now: NOW,
      });

    const closed = await close();

    expect(closed).toMatchObject({ expectedCashMinor: 12000, countedCashMinor: 11950, differenceMinor: -50 });
    const row = await clinic.db.dayClose.findUniqueOrThrow({ where: { id: closed.dayCloseId } });
    expect(row).toMatchObject({ differenceMinor: -50, closedById: clinic.members.BILLING.id });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: closed.dayCloseId } });
    expect(audit.action).toBe("day.closed");
    await expect(close()).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`already closed by ${clinic.members.BILLING.name}`),
    });
    expect(await clinic.db.dayClose.count({ where: { locationId: location.id } })).toBe(1);
  });

  it("refuses to close a day that has not started yet", async () => {
    const location = await billing().location();
    await expect(
      closeDay({
        db: clinic.db,
        actor: actor(),
        locationId: location.id,
        businessDate: "2026-12-01",
        countedCashMinor: 0,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("a patient's statement", () => {
  it("brings the balance forward, lists the period's invoices, payments, credit note and refund, and ends on the account's balance", async () => {
    const rows = billing();
    const patient = await rows.patient();
    const location = await rows.location();
    const ids = { patientId: patient.id, locationId: location.id };
    await rows.invoice({ ...ids, totalMinor: 4000, issuedAt: at("2026-09-10", 600) });
    const voided = await rows.invoice({ ...ids, totalMinor: 6000, issuedAt: at("2026-10-05", 600) });
    const paid = await rows.payment({ ...ids, amountMinor: 6000, takenAt: at("2026-10-05", 620) });
    await rows.allocate({
      paymentId: paid.id,
      invoiceId: voided.id,
      amountMinor: 6000,
      appliedAt: at("2026-10-05", 620),
    });
    await rows.invoice({
      ...ids,
      kind: "CREDIT_NOTE",
      totalMinor: -6000,
      creditedInvoiceId: voided.id,
      issuedAt: at("2026-10-06", 600),
    });
    await rows.allocate({
      paymentId: paid.id,
      invoiceId: voided.id,
      amountMinor: -6000,
      appliedAt: at("2026-10-06", 600),
    });
    await rows.refund({ paymentId: paid.id, amountMinor: 1000, refundedAt: at("2026-10-07", 600) });

    const statement = await findStatement({
      db: clinic.db,
      patientId: patient.id,
      from: "2026-10-01",
      to: TODAY,
    });
    const account = await findPatientAccount(clinic.db, patient.id);

    expect(statement.openingMinor).toBe(4000);
    expect(statement.entries.map((entry) => [entry.kind, entry.amountMinor])).toEqual([
      ["INVOICE", 6000],
      ["PAYMENT", -6000],
      ["CREDIT_NOTE", -6000],
      ["REFUND", 1000],
    ]);
    expect(account).toEqual({ owedMinor: 4000, creditMinor: 5000 });
    expect(statement.closingMinor).toBe(account.owedMinor - account.creditMinor);
  });
});

describe("a visit's superbill", () => {
  it("carries the doctor's registration, the visit's diagnosis codes (not those entered in error) and its invoice lines", async () => {
    const rows = billing();
    const doctor = await rows.doctor();
    await clinic.db.doctorProfile.update({
      where: { staffId: doctor.id },
      data: { licenceNumber: "GMC 1234567" },
    });
    const appointment = await rows.appointment({ doctorId: doctor.id });
    const visit = await clinic.db.visit.create({
      data: {
        patientId: appointment.patientId,
        doctorId: doctor.id,
        locationId: appointment.locationId,
        appointmentId: appointment.id,
        reason: "Cough",
      },
    });
    const diagnosis = {
      patientId: visit.patientId,
      visitId: visit.id,
      codeSystem: "ICD-10-CM FY2026",
      recordedById: doctor.id,
    };
    await clinic.db.diagnosis.create({
      data: { ...diagnosis, code: "J20.9", title: "Acute bronchitis, unspecified" },
    });
    await clinic.db.diagnosis.create({
      data: { ...diagnosis, code: "J45.909", title: "Asthma", status: "ENTERED_IN_ERROR" },
    });
    await rows.invoice({
      patientId: visit.patientId,
      locationId: visit.locationId,
      appointmentId: appointment.id,
      totalMinor: 6500,
      issuedAt: NOW,
    });

    const superbill = await findSuperbill({ db: clinic.db, visitId: visit.id });

    expect(superbill.doctor.registration).toBe("GMC 1234567");
    expect(superbill.diagnoses).toEqual([
      { code: "J20.9", title: "Acute bronchitis, unspecified", codeSystem: "ICD-10-CM FY2026" },
    ]);
    expect(superbill.lines).toMatchObject([{ description: "Consultation", quantity: 1, totalMinor: 6500 }]);
    expect(superbill.totalMinor).toBe(6500);
  });
});
