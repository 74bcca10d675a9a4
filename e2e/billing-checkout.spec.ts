import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { findPatientAccount } from "@/lib/billing/balances";
import { localDateOf, wallClockOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { printedText } from "./support/printed";
import { savedSessionFile } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";

// Issue 14 at the front desk: check-in drafts the invoice from the appointment's type; at check-out
// the receptionist takes part in cash and part by card, which issues it; the receipt prints; nothing
// is owed after.
const clinicUrl = clinicOrigin("maple");

test("check-in drafts the invoice; the receptionist takes part cash, part card, the invoice is issued and the receipt prints", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const patientName = `Cas Checkout${run}`;
  const { appointmentId, patientId } = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const item = await db.billableItem.create({
      data: {
        code: `CHK-${run}`,
        name: `Check-up ${run}`,
        priceMinor: 6000,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care",
      },
    });
    const type = await db.appointmentType.create({
      data: { name: `Check-up ${run}`, durationMinutes: 20, itemId: item.id },
    });
    const doctor = await db.staffUser.create({
      data: {
        email: `checkout-${run}@maple.test`,
        name: `Dr Till ${run}`,
        role: "DOCTOR",
        passwordHash: "!",
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    const patient = await db.patient.create({
      data: {
        firstName: "Cas",
        lastName: `Checkout${run}`,
        dateOfBirth: new Date("1979-08-01"),
        address: "3 Till Lane",
      },
    });
    const today = localDateOf(new Date(), timezone);
    const minute = Math.min(wallClockOf(new Date(), timezone).minuteOfDay, 24 * 60 - 20);
    const appointment = await db.appointment.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        typeId: type.id,
        startsAt: zonedTimeToUtc(today, minute, timezone),
        endsAt: zonedTimeToUtc(today, minute + 20, timezone),
      },
    });
    return { appointmentId: appointment.id, patientId: patient.id };
  });

  const desk = await (
    await browser.newContext({ storageState: savedSessionFile("maple-receptionist") })
  ).newPage();
  await desk.goto(`${clinicUrl}/today`);
  await desk.getByRole("button", { name: new RegExp(`^Check in: ${patientName}`) }).click();
  await expect(desk.getByRole("status").filter({ hasText: `${patientName}: checked in.` })).toBeVisible();
  const draft = await withClinicDb("maple", (db) =>
    db.invoice.findFirstOrThrow({ where: { appointmentId }, include: { lines: true } }),
  );
  expect(draft).toMatchObject({ status: "DRAFT", totalMinor: 6000 });

  // Check-out: 20.00 in cash, 40.00 by card.
  await desk.reload();
  await desk.getByRole("button", { name: new RegExp(`^Take payment: ${patientName}`) }).click();
  const dialog = desk.getByRole("dialog", { name: `Take payment: ${patientName}` });
  await expect(dialog).toContainText("taking the payment issues it");
  await dialog
    .getByLabel(/^Amount received/)
    .first()
    .fill("20");
  await dialog.getByRole("button", { name: "Add another method" }).click();
  await dialog.getByLabel("Method").nth(1).selectOption("CARD");
  await dialog
    .getByLabel(/^Amount received/)
    .nth(1)
    .fill("40");
  await dialog.getByLabel("Reference").nth(1).fill(`slip ${run}`);
  await screenBothWidths(desk, "billing-checkout-dialog");
  await dialog.getByRole("button", { name: "Take payment", exact: true }).click();
  const receipts = dialog.getByRole("link", { name: /^Receipt RCT-\d{4}-\d{6}/ });
  await expect(receipts).toHaveCount(2);
  await screenBothWidths(desk, "billing-checkout-taken");

  const text = await printedText(desk, (await receipts.nth(1).getAttribute("href")) as string);
  expect(text).toMatch(/RCT-\d{4}-\d{6}/);
  expect(text).toContain(patientName);
  expect(text).toMatch(/INV-\d{4}-\d{6}/);
  expect(text).toContain("40.00");

  const after = await withClinicDb("maple", async (db) => ({
    invoice: await db.invoice.findUniqueOrThrow({ where: { id: draft.id } }),
    account: await findPatientAccount(db, patientId),
  }));
  expect(after.invoice.status).toBe("ISSUED");
  expect(after.invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
  expect(after.account).toEqual({ owedMinor: 0, creditMinor: 0 });
});
