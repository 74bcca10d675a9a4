import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { clinicOrigin } from "./support/origins";
import { SCREENS_DIR } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const SHOTS = SCREENS_DIR;

test("a nurse records vitals for a demo patient, sees them in the table and the charts, and an impossible SpO₂ is refused beside its input", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  // The charts must render under the app's Content-Security-Policy: no refused style or script.
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text()))
      refused.push(message.text());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, clinicUrl, { email: "nurse@maple.test", password: DEMO_STAFF_PASSWORD });

  await page.goto(`${clinicUrl}/patients`);
  // The first patient's row (the header's links sort the list).
  await page.getByRole("table").locator('a[href^="/patients/"]').first().click();
  await page.getByRole("link", { name: "Vitals" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Record vitals" })).toBeVisible();
  const form = page.getByRole("form", { name: "Record vitals" });

  // Impossible: refused in the browser with the field's own message, nothing sent.
  await form.getByLabel("Oxygen saturation (SpO₂)").fill("140");
  await form.getByRole("button", { name: "Record vitals" }).click();
  await expect(form.getByText("Oxygen saturation cannot be above 100 %.")).toBeVisible();

  // Two sets, so the charts have a line; values as entered, each unit beside its input.
  await form.getByLabel("Oxygen saturation (SpO₂)").fill("97");
  await form.getByLabel("Temperature", { exact: true }).fill("38.4");
  await form.getByLabel("Heart rate").fill("88");
  await form.getByLabel("Systolic (upper)").fill("132");
  await form.getByLabel("Diastolic (lower)").fill("84");
  await form.getByLabel("Height", { exact: true }).fill("177");
  await form.getByLabel("Weight", { exact: true }).fill("154");
  await form.getByLabel("Unit of the weight").selectOption("[lb_av]");
  await form.getByRole("button", { name: "Record vitals" }).click();
  await expect(page.getByText("Vitals recorded.")).toBeVisible();

  await form.getByLabel("Temperature", { exact: true }).fill("37.1");
  await form.getByLabel("Heart rate").fill("76");
  await form.getByLabel("Systolic (upper)").fill("124");
  await form.getByLabel("Diastolic (lower)").fill("80");
  await form.getByLabel("Oxygen saturation (SpO₂)").fill("98");
  await form.getByRole("button", { name: "Record vitals" }).click();
  await expect(page.getByRole("table").getByText("37.1 °C")).toBeVisible();

  const table = page.getByRole("table", { name: "The patient's vitals, newest first" });
  await expect(table.getByText("177 cm").first()).toBeVisible();
  await expect(table.getByText("154 lb").first()).toBeVisible();
  await expect(table.getByText("38.4 °C").first()).toBeVisible();
  await expect(table.getByText("132/84 mmHg").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Blood pressure over time/ })).toBeVisible();
  await expect(page.locator(".recharts-line").first()).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/vitals-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 2, name: "Trends" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/vitals-390.png`, fullPage: true });
  expect(refused).toEqual([]);
});
