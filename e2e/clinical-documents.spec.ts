import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";
import { SCREENS_DIR, screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const SHOTS = SCREENS_DIR;

// A real 2×2 PNG: the server checks the bytes, not the name.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqDgBRAwQCgAk7gWh8YchJQAAAABJRU5ErkJggg==",
  "base64",
);

async function newPatient(lastName: string): Promise<string> {
  return withClinicDb("maple", async (db) => {
    const patient = await db.patient.create({
      data: { firstName: "Dora", lastName, dateOfBirth: new Date("1988-07-14") },
    });
    return patient.id;
  });
}

test.describe("the receptionist and the patient's documents", () => {
  test.use({ storageState: savedSessionFile("maple-receptionist") });

  test("uploads an ID card PNG and downloads it; a text file named .pdf is refused", async ({ page }) => {
    const run = randomBytes(3).toString("hex");
    const patientId = await newPatient(`Papers${run}`);
    await page.goto(`${clinicUrl}/patients/${patientId}/documents`);
    await expect(page.getByRole("heading", { level: 2, name: "Documents" })).toBeVisible();
    await expect(page.getByText("clinical documents are not shown to your role")).toBeVisible();
    const categories = await page.getByLabel("Category").locator("option").allTextContents();
    expect(categories).toEqual(["ID card", "Insurance card", "Referral letter", "Consent form"]);

    await page.getByLabel("Category").selectOption("ID");
    await page.getByLabel("Title").fill("Passport");
    await page.getByLabel("File").setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Upload document" }).click();
    await expect(page.getByText("Uploaded passport.png.")).toBeVisible();
    const row = page.getByRole("row", { name: /Passport/ });
    await expect(row).toContainText("ID card");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("passport.png");
    expect(readFileSync(await download.path())).toEqual(PNG);

    // The browser refuses it at once …
    await page.getByLabel("Title").fill("Consent");
    await page.getByLabel("File").setInputFiles({
      name: "consent.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("Just some text, not a PDF."),
    });
    await page.getByRole("button", { name: "Upload document" }).click();
    await expect(
      page.getByText("Only PDF, JPEG and PNG files can be uploaded — this file is not one of them."),
    ).toBeVisible();
    // … and so does the server, whatever the browser claims (a post from the page itself).
    const post = (fields: { category: string; name: string; type: string; bytes: number[] }) =>
      page.evaluate(
        async ({ url, fields }) => {
          const form = new FormData();
          form.set("category", fields.category);
          form.set("title", "Sent by hand");
          form.set("file", new Blob([new Uint8Array(fields.bytes)], { type: fields.type }), fields.name);
          const response = await fetch(url, { method: "POST", body: form });
          return { status: response.status, body: await response.json() };
        },
        { url: `/patients/${patientId}/documents/upload`, fields },
      );
    const text = await post({
      category: "CONSENT",
      name: "consent.pdf",
      type: "application/pdf",
      bytes: [...Buffer.from("Not a PDF.")],
    });
    expect(text.status).toBe(422);
    expect(text.body.error.fields.file).toMatch(/^Only PDF, JPEG and PNG files/);
    // A clinical category is refused to the receptionist by the server too.
    const clinical = await post({ category: "RESULTS", name: "b.png", type: "image/png", bytes: [...PNG] });
    expect(clinical.status).toBe(403);
    await expect(page.getByRole("row", { name: /Passport/ })).toHaveCount(1);
    await screenBothWidths(page, "documents-receptionist");
  });
});

test("a nurse records an immunization and opens the printable record", async ({ page }) => {
  const run = randomBytes(3).toString("hex");
  const lastName = `Jabs${run}`;
  const patientId = await newPatient(lastName);
  await signIn(page, clinicUrl, { email: "nurse@maple.test", password: DEMO_STAFF_PASSWORD });
  await page.goto(`${clinicUrl}/patients/${patientId}/immunizations`);
  await expect(page.getByText("No immunizations recorded yet.")).toBeVisible();

  await page.getByRole("button", { name: "Record immunization" }).click();
  await expect(page.getByText("Enter the vaccine, e.g. Influenza or MMR.")).toBeVisible();
  await page.getByLabel("Vaccine", { exact: true }).fill("Influenza 2026/27");
  await page.getByLabel("Dose number").fill("1");
  await page.getByLabel("Lot number").fill("FLU-7731");
  await page.getByLabel("Site").selectOption("LEFT_DELTOID");
  await page.getByLabel("Route").selectOption("IM");
  await page.getByRole("button", { name: "Record immunization" }).click();
  await expect(page.getByText("The immunization is recorded.")).toBeVisible();
  const row = page.getByRole("row", { name: /Influenza 2026\/27/ });
  await expect(row).toContainText("FLU-7731");
  await expect(row).toContainText("Nina Nurse");
  await screenBothWidths(page, "immunizations-nurse");

  await page.getByRole("link", { name: "Printable record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Immunization record" })).toBeVisible();
  await expect(page.getByText(`Dora ${lastName}`)).toBeVisible();
  await expect(page.getByRole("row", { name: /Influenza 2026\/27/ })).toContainText(
    "Left upper arm (deltoid)",
  );
  await expect(page.getByRole("button", { name: "Print record" })).toBeVisible();
  await screenBothWidths(page, "immunization-record");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print record" })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/immunization-record-print.png`, fullPage: true });
});
