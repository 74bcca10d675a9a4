import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { AMOXICILLIN_CAPSULES } from "@/lib/testing/sample-lines";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 13: a doctor prescribes from a visit in under a minute: a favourite in one click, an
// allergy name match overridden with a reason, signed with its RX number.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "clinical-prescribing-e2e-password";

test("a doctor prescribes from a visit: a favourite, an allergy warning overridden with a reason, signed as RX-…", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  // A doctor, patient and walk-in visit of the test's own; the patient's codeine allergy is recorded.
  const { visitId, doctorEmail } = await withClinicDb("maple", async (db) => {
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `prescribing-${run}@maple.test`,
        name: `Dr Linden ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    await db.medicationFavourite.create({
      data: {
        ownerId: doctor.id,
        label: "Amoxicillin adult",
        line: AMOXICILLIN_CAPSULES,
      },
    });
    const patient = await db.patient.create({
      data: { firstName: "Ren", lastName: `Rx${run}`, dateOfBirth: new Date("1984-03-09") },
    });
    await db.allergy.create({
      data: {
        patientId: patient.id,
        substance: "Codeine",
        category: "DRUG",
        verification: "CONFIRMED",
        recordedById: doctor.id,
      },
    });
    const visit = await db.visit.create({
      data: { patientId: patient.id, doctorId: doctor.id, locationId: location.id, reason: "Sinusitis" },
    });
    return { visitId: visit.id, doctorEmail: doctor.email };
  });

  await signIn(page, clinicUrl, { email: doctorEmail, password: PASSWORD });
  await page.goto(`${clinicUrl}/visits/${visitId}`);
  const panel = page.getByRole("region", { name: "Prescriptions, diagnoses and vitals" });
  await panel.getByRole("button", { name: "New prescription" }).click();
  await expect(page).toHaveURL(/\/prescriptions\/[0-9a-f-]{36}$/);
  const editorUrl = page.url();

  // The first line by hand, with its preview as the patient will read it.
  const editor = page.getByRole("form", { name: "Prescription" });
  const first = editor.getByRole("group").first();
  await first.getByLabel("Medicine").fill("Paracetamol + codeine");
  await first.getByLabel("Strength").fill("500 mg/30 mg");
  await first.getByLabel("Form").fill("tablet");
  await first.getByLabel("Route").fill("by mouth");
  await first.getByLabel("Dose", { exact: true }).fill("2");
  await first.getByLabel("Dose unit").fill("tablet");
  await first.getByLabel("How often").selectOption("FOUR_TIMES_DAILY");
  await first.getByLabel("Duration", { exact: true }).fill("5");
  await first.getByLabel("Duration unit").selectOption("DAY");
  await first.getByLabel("Quantity", { exact: true }).fill("40");
  await first.getByLabel("Quantity unit").fill("tablets");
  await expect(first.getByText("Take 2 tablets by mouth four times a day for 5 days")).toBeVisible();
  await expect(first.getByText("Supply: 40 (forty) tablets · No refills")).toBeVisible();

  // A second line from a favourite, in one click.
  await page.getByRole("button", { name: "Amoxicillin adult", exact: true }).click();
  const second = editor.getByRole("group").nth(1);
  await expect(second.getByLabel("Medicine")).toHaveValue("Amoxicillin");
  await expect(second.getByText("Take 1 capsule by mouth three times a day for 7 days")).toBeVisible();
  await screenBothWidths(page, "prescribing-editor");

  // Saving runs the checks on the server: the codeine allergy by name, on the first line only.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(
    first.getByText(/Name match only: the patient has a recorded drug allergy to Codeine/),
  ).toBeVisible();
  await expect(second.getByText(/Name match only/)).toHaveCount(0);
  await first.getByLabel("Reason to go ahead").scrollIntoViewIfNeeded();
  await screenBothWidths(page, "prescribing-checks");

  // Signing without a reason is refused; with one it signs.
  await page.getByRole("button", { name: "Sign prescription" }).click();
  await expect(page.getByText(/give a reason for each one to sign anyway/)).toBeVisible();
  await first.getByLabel("Reason to go ahead").fill("Allergy was nausea only; tolerated codeine since.");
  await page.getByRole("button", { name: "Sign prescription" }).click();
  await expect(page.getByText(/^Signed RX-\d{6}\.$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^RX-\d{6}$/ })).toBeVisible();
  await expect(page.getByText("Signed despite the warning because:")).toBeVisible();
  await expect(page.getByRole("link", { name: "Print prescription" })).toHaveAttribute(
    "href",
    /\/print\/prescriptions\/[0-9a-f-]{36}$/,
  );
  expect(page.url()).toBe(editorUrl);
  await screenBothWidths(page, "prescribing-signed");

  // The visit lists it by number.
  await page.goto(`${clinicUrl}/visits/${visitId}`);
  await expect(panel.getByRole("link", { name: /RX-\d{6}/ })).toContainText(
    "Paracetamol + codeine 500 mg/30 mg tablet",
  );
});
