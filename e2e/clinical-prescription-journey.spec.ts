import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { pdfText, renderPdfPng } from "@/lib/testing/pdf-text";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { signIn } from "./support/sign-in";

// Issue 13's journey: a doctor finishing a visit prescribes (a line the allergy check flags, one
// from a favourite), signs, prints, prints again (COPY), re-prescribes from the medication list and
// prints a sick note. Each PDF is read back as text and rendered to PNG for a person to look at.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "prescription-journey-e2e-password";

/** Fetches a print link with the page's cookies on its host, as opening it in a new tab does. */
async function printed(page: Page, href: string, png: string): Promise<string> {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: [...new Uint8Array(await response.arrayBuffer())],
    };
  }, href);
  expect(answer.status, href).toBe(200);
  expect(answer.type).toBe("application/pdf");
  const bytes = Uint8Array.from(answer.bytes);
  renderPdfPng(bytes, png);
  // pdftotext -layout may break a long line between columns: compare with single spaces.
  return pdfText(bytes).replace(/[ \t]+/g, " ");
}

test("a doctor prescribes with an allergy override and a favourite, prints, reprints a COPY, re-prescribes and prints a sick note", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  const address = `Flat ${run}, 7 Rue de l'Église\nLeeds LS6 2QT`;
  const { visitId, patientId, doctorEmail } = await withClinicDb("maple", async (db) => {
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `rx-journey-${run}@maple.test`,
        name: `Dr Hazel Quill ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({
      data: { staffId: doctor.id, specialty: "General practice", licenceNumber: "7654321" },
    });
    await db.medicationFavourite.create({
      data: {
        ownerId: doctor.id,
        label: "Amoxicillin 5 days",
        line: {
          medicationName: "Amoxicillin",
          strength: "500 mg",
          doseForm: "capsule",
          route: "by mouth",
          doseAmount: "1",
          doseUnit: "capsule",
          frequency: "THREE_TIMES_DAILY",
          everyHours: null,
          weekday: null,
          asNeededFor: null,
          durationValue: 5,
          durationUnit: "DAY",
          quantity: "15",
          quantityUnit: "capsules",
          refills: 0,
          instructions: "Finish the course.",
        },
      },
    });
    const patient = await db.patient.create({
      data: { firstName: "Zoë", lastName: "Ångström-Núñez", dateOfBirth: new Date("1987-02-14"), address },
    });
    await db.allergy.create({
      data: {
        patientId: patient.id,
        substance: "Ibuprofen",
        category: "DRUG",
        reactions: [{ manifestation: "Wheeze", severity: "MODERATE" }],
        verification: "CONFIRMED",
        recordedById: doctor.id,
      },
    });
    const visit = await db.visit.create({
      data: { patientId: patient.id, doctorId: doctor.id, locationId: location.id, reason: "Tonsillitis" },
    });
    return { visitId: visit.id, patientId: patient.id, doctorEmail: doctor.email };
  });

  await signIn(page, clinicUrl, { email: doctorEmail, password: PASSWORD });
  await page.goto(`${clinicUrl}/visits/${visitId}`);
  await page.getByRole("button", { name: "New prescription" }).click();
  await expect(page).toHaveURL(/\/prescriptions\/[0-9a-f-]{36}$/);

  // A line by hand whose medicine the patient is allergic to by name, then a favourite in one click.
  const editor = page.getByRole("form", { name: "Prescription" });
  const first = editor.getByRole("group").first();
  await first.getByLabel("Medicine").fill("Ibuprofen");
  await first.getByLabel("Strength").fill("400 mg");
  await first.getByLabel("Form").fill("tablet");
  await first.getByLabel("Route").fill("by mouth");
  await first.getByLabel("Dose", { exact: true }).fill("1");
  await first.getByLabel("Dose unit").fill("tablet");
  await first.getByLabel("How often").selectOption("THREE_TIMES_DAILY");
  await first.getByLabel("Duration", { exact: true }).fill("3");
  await first.getByLabel("Duration unit").selectOption("DAY");
  await first.getByLabel("Quantity", { exact: true }).fill("9");
  await first.getByLabel("Quantity unit").fill("tablets");
  await page.getByRole("button", { name: "Amoxicillin 5 days", exact: true }).click();
  const second = editor.getByRole("group").nth(1);
  await expect(second.getByLabel("Medicine")).toHaveValue("Amoxicillin");

  // Signing shows the allergy name match; it goes ahead only with a reason.
  await page.getByRole("button", { name: "Sign prescription" }).click();
  await expect(
    first.getByText(/Name match only: the patient has a recorded drug allergy to Ibuprofen/),
  ).toBeVisible();
  await expect(page.getByText(/give a reason for each one to sign anyway/)).toBeVisible();
  await first
    .getByLabel("Reason to go ahead")
    .fill("Wheeze was mild; patient asked for it and will stop if wheezy.");
  await page.getByRole("button", { name: "Sign prescription" }).click();
  await expect(page.getByText(/^Signed RX-\d{6}\.$/)).toBeVisible();
  const number = (await page.getByRole("heading", { name: /^RX-\d{6}$/ }).textContent()) as string;

  // The print: the patient, her address, each line in words, the number; then a reprint says COPY.
  const printLink = page.getByRole("link", { name: "Print prescription" });
  const original = await printed(
    page,
    (await printLink.getAttribute("href")) as string,
    "journey-prescription",
  );
  for (const shown of [
    "Zoë Ångström-Núñez",
    `Flat ${run}, 7 Rue de l'Église`,
    "Ibuprofen 400 mg tablet",
    "Take 1 tablet by mouth three times a day for 3 days",
    "Amoxicillin 500 mg capsule",
    "Take 1 capsule by mouth three times a day for 5 days",
    number,
  ])
    expect(original).toContain(shown);
  expect(original).not.toContain("COPY");
  const copy = await printed(
    page,
    (await printLink.getAttribute("href")) as string,
    "journey-prescription-copy",
  );
  expect(copy).toContain("COPY");
  expect(copy).toContain(number);

  // Re-prescribing from the medication list makes a new prescription with the same line.
  await page.goto(`${clinicUrl}/patients/${patientId}/medications`);
  await page.getByRole("button", { name: "Re-prescribe Amoxicillin 500 mg capsule" }).click();
  await expect(page).toHaveURL(/\/prescriptions\/[0-9a-f-]{36}$/);
  const repeat = page.getByRole("form", { name: "Prescription" }).getByRole("group").first();
  await expect(repeat.getByLabel("Medicine")).toHaveValue("Amoxicillin");
  await expect(repeat.getByLabel("Strength")).toHaveValue("500 mg");
  await expect(repeat.getByText("Take 1 capsule by mouth three times a day for 5 days")).toBeVisible();
  await page.getByRole("button", { name: "Sign prescription" }).click();
  // The first course is still active: the duplicate check asks why.
  await repeat.getByLabel("Reason to go ahead").fill("Second course: symptoms not settled.");
  await page.getByRole("button", { name: "Sign prescription" }).click();
  await expect(page.getByText(/^Signed RX-\d{6}\.$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^RX-\d{6}$/ })).not.toHaveText(number);

  // A sick note from the visit, printed.
  await page.goto(`${clinicUrl}/visits/${visitId}`);
  await page.getByRole("button", { name: "Sick note", exact: true }).click();
  const sickNote = page.getByRole("form", { name: "Write a sick note" });
  await sickNote.getByLabel("For days").fill("3");
  await sickNote.getByLabel("Condition").fill("tonsillitis");
  await sickNote.getByRole("button", { name: "Write sick note" }).click();
  await expect(page.getByText("The sick note is written.")).toBeVisible();
  const sickNoteLink = page.getByRole("link", { name: /^Print the sick note/ });
  const note = await printed(page, (await sickNoteLink.getAttribute("href")) as string, "journey-sick-note");
  expect(note).toContain("Zoë Ångström-Núñez");
  expect(note).toContain("because of tonsillitis");

  const prints = await withClinicDb("maple", (db) =>
    db.documentPrint.findMany({ where: { patientId }, orderBy: { printedAt: "asc" } }),
  );
  expect(prints.map((print) => [print.kind, print.copy])).toEqual([
    ["PRESCRIPTION", false],
    ["PRESCRIPTION", true],
    ["SICK_NOTE", false],
  ]);
});
