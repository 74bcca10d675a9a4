import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { localDateOf } from "@/lib/clinic/time";
import { pdfText } from "@/lib/testing/pdf-text";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 14's reports: billing closes a location's day with a cash difference and downloads its CSV,
// opens the outstanding balances and prints a patient's statement.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "billing-reports-e2e-password";

test("billing closes the day with a counted-cash difference, downloads the CSV, opens the outstanding list and prints a statement", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  // A location of the test's own, so the day holds only these payments; a name a spreadsheet would run.
  const setup = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const staff = await db.staffUser.create({
      data: {
        email: `till-${run}@maple.test`,
        name: `Bea Till ${run}`,
        role: "BILLING",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    const location = await db.location.create({ data: { name: `Till ${run}` } });
    const patient = await db.patient.create({
      data: { firstName: "=HYPERLINK(1)", lastName: `Owes${run}`, dateOfBirth: new Date("1981-03-04") },
    });
    const now = new Date();
    const invoice = await db.invoice.create({
      data: {
        patientId: patient.id,
        locationId: location.id,
        currency: "USD",
        pricesIncludeTax: false,
        subtotalMinor: 20000,
        totalMinor: 20000,
        lines: {
          create: {
            position: 1,
            description: "Consultation",
            quantity: 1,
            unitPriceMinor: 20000,
            taxTreatment: "EXEMPT",
            exemptReason: "Medical care",
            netMinor: 20000,
            taxMinor: 0,
            totalMinor: 20000,
          },
        },
      },
    });
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: "ISSUED", number: `INV-E2E-${run}`, issuedAt: now, issuedById: staff.id, snapshot: {} },
    });
    const cash = await db.payment.create({
      data: {
        receiptNumber: `RCT-E2E-${run}-1`,
        patientId: patient.id,
        locationId: location.id,
        method: "CASH",
        amountMinor: 12000,
        takenById: staff.id,
        takenAt: now,
      },
    });
    await db.payment.create({
      data: {
        receiptNumber: `RCT-E2E-${run}-2`,
        patientId: patient.id,
        locationId: location.id,
        method: "CARD",
        amountMinor: 4500,
        takenById: staff.id,
        takenAt: now,
      },
    });
    await db.paymentAllocation.create({
      data: {
        paymentId: cash.id,
        invoiceId: invoice.id,
        amountMinor: 12000,
        appliedById: staff.id,
        appliedAt: now,
      },
    });
    await db.refund.create({
      data: {
        paymentId: cash.id,
        amountMinor: 1000,
        method: "CASH",
        reason: "Overpaid",
        refundedById: staff.id,
        refundedAt: now,
      },
    });
    return {
      email: staff.email,
      locationId: location.id,
      patientId: patient.id,
      today: localDateOf(now, timezone),
      run,
    };
  });

  await signIn(page, clinicUrl, { email: setup.email, password: PASSWORD });
  await page.goto(`${clinicUrl}/billing/day?location=${setup.locationId}&date=${setup.today}`);
  await expect(page.getByRole("heading", { name: "Close the day", level: 1 })).toBeVisible();
  await expect(page.getByText(/Expected cash in the drawer/)).toContainText("110.00");
  await expect(page.getByRole("table", { name: "Invoices issued on the day" })).toContainText(
    `INV-E2E-${run}`,
  );
  await screenBothWidths(page, "billing-day-open");

  await page.getByLabel(/Cash counted/).fill("105.00");
  await expect(page.getByText(/^Difference: \D*5\.00 short\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Close the day" }).click();
  await expect(page.getByRole("heading", { name: "This day is closed" })).toBeVisible();
  await expect(page.getByText(/^\D*5\.00 short$/)).toBeVisible();
  await screenBothWidths(page, "billing-day-closed");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv).toContain("Expected cash,110.00");
  expect(csv).toContain(`"'=HYPERLINK(1) Owes${run}"`);

  await page.goto(`${clinicUrl}/billing/outstanding`);
  await expect(page.getByRole("heading", { name: "Outstanding balances", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Oldest first" }).click();
  await expect(page).toHaveURL(/sort=age/);
  await screenBothWidths(page, "billing-outstanding");

  // Fetched by the page itself: the browser resolves maple.localhost and sends the session cookie.
  const statement = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, bytes: Array.from(new Uint8Array(await response.arrayBuffer())) };
  }, `/print/statements/${setup.patientId}?from=${setup.today}&to=${setup.today}`);
  expect(statement.status).toBe(200);
  const text = pdfText(new Uint8Array(statement.bytes));
  expect(text).toContain("Statement");
  expect(text).toContain(`Owes${run}`);
  expect(text).toContain(`INV-E2E-${run}`);
  expect(text).toContain("Balance carried forward");
});
