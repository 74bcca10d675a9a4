import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { createCentralClient } from "@/lib/db/central";
import { TenantRegistry } from "@/lib/tenancy/registry";
import { readE2eContext } from "./support/context";
import { E2E_PORT } from "./support/http";

const clinicUrl = `http://maple.localhost:${E2E_PORT}`;
const PASSWORD = "front-desk-patients-e2e";

/** Adds a receptionist with a known password straight to the demo clinic's own database. */
async function addReceptionist(email: string): Promise<void> {
  const context = await readE2eContext(E2E_PORT);
  // The registry decrypts the clinic role's password with the server's key.
  process.env.TENANT_SECRETS_KEY = context.secretsKey;
  const central = createCentralClient(context.centralUrl, 1);
  const registry = new TenantRegistry({ central, budget: 1, poolMax: 1 });
  try {
    await registry.withTenantDb("maple", async (db) => {
      await db.staffUser.create({
        data: {
          email,
          name: "Rhea Reception",
          role: "RECEPTIONIST",
          passwordHash: await hashPassword(PASSWORD),
        },
      });
    });
  } finally {
    await registry.close();
    await central.$disconnect();
  }
}

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
  const email = `rhea-${run}@maple.test`;
  const last = `Lovelace-${run}`;
  await addReceptionist(email);

  await page.goto(`${clinicUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

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
    born: "1985-12-10",
    phone: "+44 20 7946 0202",
  });
  await page.getByRole("button", { name: "Register patient" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "This patient may already be registered" });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("listitem")).toHaveCount(1);
  await expect(warning.getByRole("listitem")).toContainText(`${mrn} Ada ${last}, born 1985-12-10`);
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
