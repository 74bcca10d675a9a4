import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { clinicOrigin } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";

const clinicUrl = clinicOrigin("maple");

// Registering patients leaves the receptionist's session alone, so the demo one's saved session serves.
test.use({ storageState: savedSessionFile("maple-receptionist") });

async function fillPatient(
  page: Page,
  patient: { first: string; last: string; born: string; phone: string },
) {
  await page.getByLabel("First name").fill(patient.first);
  await page.getByLabel("Last name").fill(patient.last);
  await page.getByLabel("Date of birth").fill(patient.born);
  await page.getByLabel("Sex").selectOption("FEMALE");
  await page.getByLabel("Phone").fill(patient.phone);
}

test("a receptionist registers a patient, is warned about a near-duplicate, registers anyway and finds the patient by record number", async ({
  page,
}) => {
  const run = randomBytes(3).toString("hex");
  const last = `Lovelace-${run}`;

  await page.goto(`${clinicUrl}/patients`);
  await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
  await page.getByRole("link", { name: "Register patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register patient" })).toBeVisible();

  // Required fields are checked in the browser before anything is sent.
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByText("Enter the first name.")).toBeVisible();

  await fillPatient(page, { first: "Ada", last, born: "1985-12-10", phone: "+44 20 7946 0101" });
  await page.getByLabel("Email").fill(`ada-${run}@example.test`);
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ada ${last}` })).toBeVisible();
  const mrn = (await page.getByText(/^P-\d{6}$/).textContent()) ?? "";
  expect(mrn).toMatch(/^P-\d{6}$/);
  await expect(page.getByText(`Ada ${last} is registered as ${mrn}.`)).toBeVisible();

  // Same name (other capitals) and birth date, another phone: the form warns and lists the first one.
  await page.goto(`${clinicUrl}/patients/new`);
  await fillPatient(page, {
    first: "ADA",
    last: last.toLowerCase(),
    born: "10/12/1985",
    phone: "+44 20 7946 0202",
  });
  await page.getByRole("button", { name: "Register patient" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "This patient may already be registered" });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("listitem")).toHaveCount(1);
  await expect(warning.getByRole("listitem")).toContainText(`${mrn} Ada ${last}, born 10/12/1985`);
  await warning.getByRole("button", { name: "This is a different person — register anyway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `ADA ${last.toLowerCase()}` })).toBeVisible();
  const secondMrn = (await page.getByText(/^P-\d{6}$/).textContent()) ?? "";
  expect(secondMrn).toMatch(/^P-\d{6}$/);
  expect(secondMrn).not.toBe(mrn);

  // Found by record number, from the registry's search box.
  await page.goto(`${clinicUrl}/patients`);
  await page.getByLabel("Find a patient").fill(mrn);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/patients\\?q=${mrn}$`));
  await expect(page.getByText(`1 patient matches “${mrn}”.`)).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await page.getByRole("link", { name: `${last}, Ada` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ada ${last}` })).toBeVisible();
  await expect(page.getByText("+44 20 7946 0101")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Patient sections" })
    .getByRole("link", { name: "Appointments" })
    .click();
  await expect(page.getByText("No appointments yet.")).toBeVisible();

  // A name search finds both.
  await page.goto(`${clinicUrl}/patients?q=${encodeURIComponent(`ada ${last}`)}`);
  await expect(page.getByText("2 patients match")).toBeVisible();
});
