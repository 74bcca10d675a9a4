import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { findPatientAccount } from "@/lib/billing/balances";
import { findDayFigures } from "@/lib/billing/reports/day-figures";
import { localDateOf, wallClockOf } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { printedText } from "./support/printed";
import { savedSessionFile } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 14 end to end, as the people at the desk live it: the receptionist books a typed
// appointment, checks the patient in (the draft appears), the visit completes, she takes part in
// cash and part by card (the invoice is issued) and the receipt prints; billing then voids the
// invoice with a credit note and refunds the card part; the day is closed with a counted-cash
// difference and its figures reconcile.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "billing-journey-e2e-password";

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** A start minute later today (5-minute steps), or earlier when the day is nearly over. */
function startToday(timeZone: string): number {
  const minute = wallClockOf(new Date(), timeZone).minuteOfDay;
  return minute > 23 * 60 ? minute - 60 : Math.floor((minute + 10) / 5) * 5;
}

test("a typed visit from booking to a closed day: draft at check-in, split payment, receipt, credit note, refund, cash counted", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const run = randomBytes(3).toString("hex");
  const patientName = `Jo Journey${run}`;
  // A location of the test's own, so its day holds only this journey's money.
  const setup = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const today = localDateOf(new Date(), timezone);
    const location = await db.location.create({ data: { name: `Journey ${run}` } });
    const item = await db.billableItem.create({
      data: {
        code: `JRN-${run}`,
        name: `Long consultation ${run}`,
        priceMinor: 8000,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care",
      },
    });
    const type = await db.appointmentType.create({
      data: { name: `Long consultation ${run}`, durationMinutes: 30, itemId: item.id },
    });
    const doctor = await db.staffUser.create({
      data: {
        email: `journey-dr-${run}@maple.test`,
        name: `Dr Wend ${run}`,
        role: "DOCTOR",
        passwordHash: "!",
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    await db.workingHours.create({
      data: {
        doctorId: doctor.id,
        locationId: location.id,
        weekday: new Date(`${today}T12:00:00Z`).getUTCDay(),
        startMinute: 0,
        endMinute: 24 * 60,
      },
    });
    const patient = await db.patient.create({
      data: {
        firstName: "Jo",
        lastName: `Journey${run}`,
        dateOfBirth: new Date("1984-05-06"),
        address: "9 Ledger Row",
      },
    });
    const billing = await db.staffUser.create({
      data: {
        email: `journey-billing-${run}@maple.test`,
        name: `Bo Ledger ${run}`,
        role: "BILLING",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    return {
      timezone,
      today,
      locationId: location.id,
      doctor: { id: doctor.id, name: doctor.name },
      typeLabel: `${type.name} · 30 min`,
      patientId: patient.id,
      billingEmail: billing.email,
    };
  });

  // The receptionist books the typed appointment from the calendar.
  const desk = await (
    await browser.newContext({ storageState: savedSessionFile("maple-receptionist") })
  ).newPage();
  await desk.goto(
    `${clinicUrl}/calendar?view=day&date=${setup.today}&location=${setup.locationId}&doctor=${setup.doctor.id}`,
  );
  await desk.getByRole("button", { name: "New appointment" }).click();
  const booking = desk.getByRole("dialog", { name: "Book an appointment" });
  await booking.getByRole("searchbox", { name: "Patient" }).fill(`journey${run}`);
  await booking.getByRole("button", { name: new RegExp(patientName) }).click();
  await booking.getByLabel("Doctor").selectOption(setup.doctor.id);
  await booking.getByLabel("Location").selectOption(setup.locationId);
  await booking.getByLabel("Appointment type").selectOption({ label: setup.typeLabel });
  // The type was chosen first: moving the start moves the end by the type's 30 minutes.
  const startMinute = startToday(setup.timezone);
  const start = hhmm(startMinute);
  await booking.getByLabel("Start").fill(start);
  await expect(booking.getByLabel("End")).toHaveValue(hhmm(startMinute + 30));
  await booking.getByRole("button", { name: "Book", exact: true }).click();
  await expect(
    desk.getByRole("status").filter({ hasText: `Booked ${patientName} at ${start}` }),
  ).toBeVisible();
  const appointment = await withClinicDb("maple", (db) =>
    db.appointment.findFirstOrThrow({
      where: { patientId: setup.patientId },
      include: { type: { select: { name: true } } },
    }),
  );
  expect(appointment.type?.name).toBe(`Long consultation ${run}`);

  // Check-in drafts the invoice from the type; the visit runs and completes.
  await desk.goto(`${clinicUrl}/today?location=${setup.locationId}`);
  await desk.getByRole("button", { name: new RegExp(`^Check in: ${patientName}`) }).click();
  await expect(desk.getByRole("status").filter({ hasText: `${patientName}: checked in.` })).toBeVisible();
  const draft = await withClinicDb("maple", (db) =>
    db.invoice.findFirstOrThrow({ where: { appointmentId: appointment.id } }),
  );
  expect(draft).toMatchObject({ status: "DRAFT", totalMinor: 8000, locationId: setup.locationId });
  await desk.reload();
  await desk.getByRole("button", { name: new RegExp(`^Start: ${patientName}`) }).click();
  await expect(desk.getByRole("status").filter({ hasText: `${patientName}: in progress.` })).toBeVisible();
  await desk.reload();
  await desk.getByRole("button", { name: new RegExp(`^Complete: ${patientName}`) }).click();
  await expect(desk.getByRole("status").filter({ hasText: `${patientName}: completed.` })).toBeVisible();

  // Check-out: 30.00 in cash, 50.00 by card; taking it issues the invoice.
  await desk.reload();
  await desk.getByRole("button", { name: new RegExp(`^Take payment: ${patientName}`) }).click();
  const pay = desk.getByRole("dialog", { name: `Take payment: ${patientName}` });
  await pay
    .getByLabel(/^Amount received/)
    .first()
    .fill("30");
  await pay.getByRole("button", { name: "Add another method" }).click();
  await pay.getByLabel("Method").nth(1).selectOption("CARD");
  await pay
    .getByLabel(/^Amount received/)
    .nth(1)
    .fill("50");
  await pay.getByLabel("Reference").nth(1).fill(`slip ${run}`);
  await pay.getByRole("button", { name: "Take payment", exact: true }).click();
  const receipts = pay.getByRole("link", { name: /^Receipt RCT-\d{4}-\d{6}/ });
  await expect(receipts).toHaveCount(2);
  const issued = await withClinicDb("maple", (db) =>
    db.invoice.findUniqueOrThrow({ where: { id: draft.id } }),
  );
  expect(issued.status).toBe("ISSUED");
  const invoiceNumber = issued.number as string;
  expect(invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);

  const receipt = await printedText(desk, (await receipts.first().getAttribute("href")) as string);
  expect(receipt).toMatch(/RCT-\d{4}-\d{6}/);
  expect(receipt).toContain(patientName);
  expect(receipt).toContain(invoiceNumber);
  expect(receipt).toContain("30.00");
  await pay.getByRole("button", { name: "Done" }).click();

  // Nothing is owed: the desk sees no "Owes" badge on the patient's page.
  await desk.goto(`${clinicUrl}/patients/${setup.patientId}`);
  await expect(desk.getByRole("heading", { name: patientName, level: 1 })).toBeVisible();
  await expect(desk.getByText(/^Owes /)).toHaveCount(0);
  expect(await withClinicDb("maple", (db) => findPatientAccount(db, setup.patientId))).toEqual({
    owedMinor: 0,
    creditMinor: 0,
  });

  // Billing voids the invoice with a credit note: the 80.00 paid becomes the patient's credit.
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, clinicUrl, { email: setup.billingEmail, password: PASSWORD });
  await clerk.goto(`${clinicUrl}/billing/invoices/${draft.id}`);
  await expect(clerk.getByRole("heading", { name: invoiceNumber, level: 1 })).toBeVisible();
  const voiding = clerk.getByRole("form", { name: "Void with credit note" });
  await voiding.getByLabel("Reason for voiding").fill("Visit charged twice");
  await voiding.getByRole("button", { name: "Void with credit note" }).click();
  await expect(
    clerk.getByText(/^Voided by CRN-\d{4}-\d{6}; what was paid is now the patient's credit\.$/),
  ).toBeVisible();
  const creditNote = await withClinicDb("maple", (db) =>
    db.invoice.findFirstOrThrow({ where: { creditedInvoiceId: draft.id } }),
  );
  expect(creditNote.number).toMatch(/^CRN-\d{4}-\d{6}$/);
  await clerk.reload();
  await screenBothWidths(clerk, "billing-journey-voided");

  // The card part goes back to the card, with a reason; the cash part stays as credit.
  const cardReceipt = await withClinicDb("maple", (db) =>
    db.payment.findFirstOrThrow({ where: { patientId: setup.patientId, method: "CARD" } }),
  );
  await clerk.getByRole("button", { name: `Refund ${cardReceipt.receiptNumber}` }).click();
  const refund = clerk.getByRole("dialog", { name: `Refund ${cardReceipt.receiptNumber}` });
  await expect(refund.getByLabel(/^Amount/)).toHaveValue("50.00");
  await refund.getByLabel("Given back by").selectOption("CARD");
  await refund.getByLabel("Reason").fill("Charged twice: card refunded");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund).toBeHidden();
  await expect(clerk.getByRole("listitem").filter({ hasText: "Charged twice: card refunded" })).toBeVisible();
  expect(await withClinicDb("maple", (db) => findPatientAccount(db, setup.patientId))).toEqual({
    owedMinor: 0,
    creditMinor: 3000,
  });

  // The day at the journey's location: cash 30.00 taken, card 50.00 taken and 50.00 refunded to
  // the card; 29.50 counted is 0.50 short.
  await clerk.goto(`${clinicUrl}/billing/day?location=${setup.locationId}&date=${setup.today}`);
  await expect(clerk.getByText(/Expected cash in the drawer/)).toContainText("30.00");
  const issuedTable = clerk.getByRole("table", { name: "Invoices issued on the day" });
  await expect(issuedTable).toContainText(invoiceNumber);
  await expect(issuedTable).toContainText(creditNote.number as string);
  await clerk.getByLabel(/Cash counted/).fill("29.50");
  await expect(clerk.getByText(/^Difference: \D*0\.50 short\.$/)).toBeVisible();
  await clerk.getByRole("button", { name: "Close the day" }).click();
  await expect(clerk.getByRole("heading", { name: "This day is closed" })).toBeVisible();
  await expect(clerk.getByText(/^\D*0\.50 short$/)).toBeVisible();
  await screenBothWidths(clerk, "billing-journey-day-closed");

  // The figures reconcile: takings − refunds = what the location holds from the day, and each
  // invoice's total = payments applied + credit applied + balance.
  const { figures, closed } = await withClinicDb("maple", async (db) => ({
    figures: await findDayFigures({
      db,
      locationId: setup.locationId,
      businessDate: setup.today,
      timeZone: setup.timezone,
    }),
    closed: await db.dayClose.findFirstOrThrow({ where: { locationId: setup.locationId } }),
  }));
  expect(figures.takingsByMethod).toMatchObject({ CASH: 3000, CARD: 5000 });
  expect(figures.refundsByMethod).toMatchObject({ CASH: 0, CARD: 5000 });
  expect(figures.takingsMinor - figures.refundsMinor).toBe(3000);
  expect(figures.expectedCashMinor).toBe(3000);
  expect(closed).toMatchObject({ expectedCashMinor: 3000, countedCashMinor: 2950 });
  for (const invoice of figures.invoices)
    expect(invoice.totalMinor).toBe(invoice.paidMinor + invoice.creditAppliedMinor + invoice.balanceMinor);
});
