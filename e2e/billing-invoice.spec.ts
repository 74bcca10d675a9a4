import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { formatMoney } from "@/lib/billing/money-input";
import { localDateOf } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { MAPLE_RECEPTIONIST } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 14's invoice page as a billing clerk works it: a price-list line and a zero-rated free-text
// line, one edited, a third-party bill-to, issued, part paid, voided by a credit note, the credit refunded.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "billing-invoice-e2e-password";

test("billing builds a draft, issues it, takes part payment, voids it and refunds the credit", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  const setup = await withClinicDb("maple", async (db) => {
    const settings = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const staff = await db.staffUser.create({
      data: {
        email: `clerk-${run}@maple.test`,
        name: `Ivo Clerk ${run}`,
        role: "BILLING",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const item = await db.billableItem.create({
      data: {
        code: `DRS-${run}`.toUpperCase(),
        name: `Dressing ${run}`,
        priceMinor: 5000,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care",
      },
    });
    const patient = await db.patient.create({
      data: { firstName: "Ines", lastName: `Invoice${run}`, dateOfBirth: new Date("1984-05-06") },
    });
    const invoice = await db.invoice.create({
      data: {
        patientId: patient.id,
        locationId: location.id,
        currency: settings.currency,
        pricesIncludeTax: settings.pricesIncludeTax,
      },
    });
    return {
      email: staff.email,
      itemId: item.id,
      invoiceId: invoice.id,
      currency: settings.currency,
      today: localDateOf(new Date(), settings.timezone),
      patientName: `Ines Invoice${run}`,
    };
  });
  const money = (minor: number) => formatMoney(minor, setup.currency);
  const totalIs = async (label: string, minor: number) =>
    expect(page.getByLabel("Totals")).toContainText(`${label}${money(minor)}`);

  await signIn(page, clinicUrl, { email: setup.email, password: PASSWORD });
  await page.goto(`${clinicUrl}/billing/invoices/${setup.invoiceId}`);
  await expect(page.getByRole("heading", { name: "Draft invoice", level: 1 })).toBeVisible();

  // From the price list: 2 × 50.00 less 10.00; the server takes the list price and its exemption.
  const fromList = page.getByRole("form", { name: "Add from the price list" });
  await fromList.getByLabel("Item").selectOption(setup.itemId);
  await fromList.getByLabel("Quantity").fill("2");
  await fromList.getByLabel(/^Discount/).fill("10");
  await fromList.getByRole("button", { name: "Add item" }).click();
  const lines = page.getByRole("table", { name: "Invoice lines" });
  await expect(lines).toContainText(`Dressing ${run}`);
  await expect(lines).toContainText("Exempt: Medical care");
  await totalIs("Total", 9000);

  // A free-text line the clerk makes zero-rated.
  await page.getByRole("button", { name: "Add a free-text line" }).click();
  const free = page.getByRole("dialog", { name: "Add a free-text line" });
  await free.getByLabel("Description").fill("Travel leaflet");
  await free.getByLabel(/^Unit price/).fill("12.50");
  await free.getByRole("radio", { name: /Zero-rated/ }).check();
  await free.getByRole("button", { name: "Add line" }).click();
  await expect(lines).toContainText("Zero-rated");
  await totalIs("Total", 10250);

  // Edit in place: two leaflets; a negative price is refused at the field.
  await page.getByRole("button", { name: "Edit Travel leaflet" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the line" });
  await edit.getByLabel(/^Unit price/).fill("-1");
  await edit.getByRole("button", { name: "Save line" }).click();
  await expect(edit.getByText(/Enter an amount such as/)).toBeVisible();
  await edit.getByLabel(/^Unit price/).fill("12.50");
  await edit.getByLabel("Quantity").fill("2");
  await edit.getByRole("button", { name: "Save line" }).click();
  await expect(edit).toBeHidden();
  await totalIs("Total", 11500);

  // A third party pays.
  const billTo = page.getByRole("form", { name: "Bill to" });
  await billTo.getByRole("radio", { name: /A third party/ }).check();
  await billTo.getByLabel("Name").fill(`Acme Assurance ${run}`);
  await billTo.getByLabel("Address").fill("1 Policy Street\nLeeds");
  await billTo.getByLabel("Their reference").fill(`POL-${run}`);
  await billTo.getByRole("button", { name: "Save bill-to" }).click();
  await expect(page.getByRole("status").filter({ hasText: "addressed to the third party" })).toBeVisible();
  await screenBothWidths(page, "billing-invoice-draft");

  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^INV-\d{4}-\d{6}$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent()) as string;
  await expect(page.getByText(`Acme Assurance ${run}`)).toBeVisible();
  await expect(page.getByText(`POL-${run}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute(
    "href",
    `/print/invoices/${setup.invoiceId}`,
  );

  // Part payment: 40.00 in cash.
  await page.getByRole("button", { name: "Take payment" }).click();
  const pay = page.getByRole("dialog", { name: `Take payment: ${setup.patientName}` });
  await expect(pay).toContainText(money(11500));
  await pay.getByLabel(/^Amount received/).fill("40");
  await pay.getByRole("button", { name: "Take payment", exact: true }).click();
  const receipt = pay.getByRole("link", { name: /^Receipt RCT-\d{4}-\d{6}/ });
  await expect(receipt).toBeVisible();
  const receiptNumber = ((await receipt.textContent()) as string).match(/RCT-\d{4}-\d{6}/)?.[0] as string;
  await pay.getByRole("button", { name: "Done" }).click();
  await totalIs("Paid", 4000);
  await totalIs("Balance due", 7500);
  const payments = page.getByRole("table", { name: "Payments applied to this invoice" });
  await expect(payments.getByRole("link", { name: receiptNumber })).toHaveAttribute(
    "href",
    /^\/print\/receipts\/[0-9a-f-]{36}$/,
  );
  await expect(payments).toContainText("Cash");
  await expect(payments).toContainText(money(4000));
  await screenBothWidths(page, "billing-invoice-issued");

  // Void by credit note: the 40.00 becomes credit, which billing refunds with a reason.
  await page.getByLabel("Reason for voiding").fill("Billed to the wrong insurer");
  await page.getByRole("button", { name: "Void with credit note" }).click();
  await expect(page.getByText(/Voided by CRN-\d{4}-\d{6}/).first()).toBeVisible();
  await expect(payments).toContainText("Back to credit (void)");
  await expect(page.getByText(`${receiptNumber}: ${money(4000)} refundable`)).toBeVisible();
  // The receptionist sees the payments and receipts, never the refund or void controls.
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, clinicUrl, MAPLE_RECEPTIONIST);
  await desk.goto(`${clinicUrl}/billing/invoices/${setup.invoiceId}`);
  await expect(desk.getByRole("link", { name: receiptNumber }).first()).toBeVisible();
  await expect(desk.getByRole("button", { name: /^Refund|^Void|^Edit|^Take payment/ })).toHaveCount(0);
  await desk.context().close();

  await page.getByRole("button", { name: `Refund ${receiptNumber}` }).click();
  const refund = page.getByRole("dialog", { name: `Refund ${receiptNumber}` });
  await expect(refund.getByLabel(/^Amount/)).toHaveValue("40.00");
  await refund.getByLabel(/^Amount/).fill("45");
  await refund.getByLabel("Reason").fill("Invoice voided: paid back");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund.getByText(`At most ${money(4000)}.`)).toBeVisible();
  await refund.getByLabel(/^Amount/).fill("40");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund).toBeHidden();
  await expect(page.getByText(/refundable/)).toHaveCount(0);
  await screenBothWidths(page, "billing-invoice-voided");

  const after = await withClinicDb("maple", async (db) => ({
    refunds: await db.refund.findMany({ where: { payment: { receiptNumber } } }),
    invoice: await db.invoice.findUniqueOrThrow({ where: { id: setup.invoiceId } }),
  }));
  expect(after.invoice).toMatchObject({ number, billTo: "THIRD_PARTY", totalMinor: 11500 });
  expect(after.refunds).toMatchObject([
    { amountMinor: 4000, method: "CASH", reason: "Invoice voided: paid back" },
  ]);

  // The list, filtered to today: the invoice and its credit note.
  await page.goto(`${clinicUrl}/billing`);
  await page.getByLabel("From").fill(setup.today);
  await page.getByLabel("To").fill(setup.today);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${setup.today}&to=${setup.today}`));
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await screenBothWidths(page, "billing-invoice-list");
});
