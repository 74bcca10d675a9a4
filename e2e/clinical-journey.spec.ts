import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { localDateOf, wallClockOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 12's journey through one patient's day: front desk, nurse, doctor, then what each of them sees.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "clinical-journey-e2e-password";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqDgBRAwQCgAk7gWh8YchJQAAAABJRU5ErkJggg==",
  "base64",
);

async function signedIn(browser: Browser, email: string, password = DEMO_STAFF_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, clinicUrl, { email, password });
  return page;
}

test("check-in and ID card, vitals, a visit with a template, an allergy, a diagnosis, a signed note and an addendum; then each role sees its part", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  const patientName = `Jo Journey${run}`;
  // A doctor of the test's own (the demo doctors' days are full) with a template, and a booking now.
  const { patientId, doctorName, doctorEmail } = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `journey-${run}@maple.test`,
        name: `Dr Wren ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    await db.noteTemplate.create({
      data: { ownerId: doctor.id, kind: "TEMPLATE", name: "Chest exam", body: "Chest clear, no wheeze." },
    });
    const patient = await db.patient.create({
      data: { firstName: "Jo", lastName: `Journey${run}`, dateOfBirth: new Date("1990-05-06") },
    });
    const today = localDateOf(new Date(), timezone);
    const minute = Math.min(wallClockOf(new Date(), timezone).minuteOfDay, 24 * 60 - 20);
    await db.appointment.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        reason: "Cough",
        startsAt: zonedTimeToUtc(today, minute, timezone),
        endsAt: zonedTimeToUtc(today, minute + 20, timezone),
      },
    });
    return { patientId: patient.id, doctorName: doctor.name, doctorEmail: doctor.email };
  });
  const patientUrl = `${clinicUrl}/patients/${patientId}`;

  // The receptionist checks the patient in and uploads their ID card.
  const desk = await signedIn(browser, "receptionist@maple.test");
  await desk.goto(`${clinicUrl}/today`);
  await desk.getByRole("button", { name: new RegExp(`^Check in: ${patientName} at`) }).click();
  await expect(desk.getByRole("region", { name: /^Checked in/ }).getByText(patientName)).toBeVisible();
  await desk.goto(`${patientUrl}/documents`);
  await desk.getByLabel("Category").selectOption("ID");
  await desk.getByLabel("Title").fill("ID card");
  await desk.getByLabel("File").setInputFiles({ name: "id-card.png", mimeType: "image/png", buffer: PNG });
  await desk.getByRole("button", { name: "Upload document" }).click();
  await expect(desk.getByText("Uploaded id-card.png.")).toBeVisible();

  // The nurse records vitals.
  const nurse = await signedIn(browser, "nurse@maple.test");
  await nurse.goto(`${patientUrl}/vitals`);
  const vitals = nurse.getByRole("form", { name: "Record vitals" });
  await vitals.getByLabel("Temperature", { exact: true }).fill("37.9");
  await vitals.getByLabel("Heart rate").fill("92");
  await vitals.getByLabel("Systolic (upper)").fill("128");
  await vitals.getByLabel("Diastolic (lower)").fill("82");
  await vitals.getByLabel("Oxygen saturation (SpO₂)").fill("96");
  await vitals.getByRole("button", { name: "Record vitals" }).click();
  await expect(nurse.getByText("Vitals recorded.")).toBeVisible();

  // The doctor starts the visit from Today and writes the note with a template.
  const doctor = await signedIn(browser, doctorEmail, PASSWORD);
  await doctor.goto(`${clinicUrl}/today`);
  await doctor.getByRole("button", { name: new RegExp(`^Start visit: ${patientName} at`) }).click();
  await expect(doctor).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = doctor.url();
  await doctor.getByRole("button", { name: "Write SOAP note" }).click();
  await doctor.getByRole("textbox", { name: /^Subjective/ }).fill("Cough for a week, mild fever.");
  await doctor.getByRole("textbox", { name: /^Objective/ }).click();
  await doctor.getByLabel("Template").selectOption({ label: "Chest exam" });
  await doctor.getByRole("button", { name: "Insert template" }).click();
  await expect(doctor.getByRole("textbox", { name: /^Objective/ })).toHaveValue("Chest clear, no wheeze.");
  await doctor.getByRole("textbox", { name: /^Assessment/ }).fill("Acute bronchitis.");
  await doctor.getByRole("textbox", { name: /^Plan/ }).fill("Fluids, rest; review in a week if not better.");
  await expect(doctor.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible({ timeout: 15_000 });

  // An allergy and a diagnosis from the ICD-10-CM search, in the visit's own panel.
  await doctor.getByRole("button", { name: "Record allergy" }).click();
  const allergy = doctor.getByRole("form", { name: "Record an allergy" });
  await allergy.getByLabel("Substance").fill("Amoxicillin");
  await allergy.getByRole("textbox", { name: "Reaction 1" }).fill("Rash");
  await allergy.getByLabel("Severity").selectOption("MODERATE");
  await allergy.getByLabel("Verification").selectOption("CONFIRMED");
  await allergy.getByRole("button", { name: "Record allergy" }).click();
  await expect(doctor.getByText("The allergy is recorded.")).toBeVisible();
  await expect(doctor.getByRole("region", { name: "Allergies" })).toContainText("Amoxicillin (moderate)");
  const search = doctor.getByRole("combobox", { name: "Diagnosis (ICD-10-CM)" });
  await search.fill("J20.9");
  await doctor.getByRole("option", { name: /^J20\.9\s/ }).click();
  await doctor.getByRole("button", { name: "Add diagnosis" }).click();
  await expect(doctor.getByText("J20.9 is recorded on this visit.")).toBeVisible();

  await doctor.getByRole("button", { name: "Sign note" }).click();
  const note = doctor.getByRole("article", { name: `SOAP note by ${doctorName}` });
  await expect(note.getByText("Signed", { exact: true })).toBeVisible();
  await note.getByRole("button", { name: "Add addendum" }).click();
  await note.getByRole("textbox", { name: /^Addendum/ }).fill("Chest X-ray not needed.");
  await note.getByRole("button", { name: "Add addendum" }).click();
  await expect(note.getByText("Chest X-ray not needed.")).toBeVisible();
  await doctor.goto(visitUrl);
  await screenBothWidths(doctor, "journey-visit");

  // The receptionist sees the allergy banner and the ID card, and nothing clinical.
  await desk.goto(patientUrl);
  await expect(desk.getByRole("region", { name: "Allergies" })).toContainText("Amoxicillin (moderate)");
  const deskTabs = desk.getByRole("navigation", { name: "Patient sections" });
  await expect(deskTabs.getByRole("link", { name: "Timeline" })).toHaveCount(0);
  await expect(deskTabs.getByRole("link", { name: "Visits" })).toHaveCount(0);
  await desk.goto(`${patientUrl}/documents`);
  await expect(desk.getByRole("row", { name: /ID card/ })).toBeVisible();
  await expect(desk.getByText("clinical documents are not shown to your role")).toBeVisible();
  for (const closed of [visitUrl, `${patientUrl}/timeline`, `${patientUrl}/problems`]) {
    await desk.goto(closed);
    await expect(desk.getByRole("heading", { name: /You do not have access/ })).toBeVisible();
    await expect(desk.getByText("Acute bronchitis.")).toHaveCount(0);
    await expect(desk.getByText("J20.9")).toHaveCount(0);
  }

  // The nurse sees the vitals chart (and the doctor's note, read-only, in the timeline).
  await nurse.goto(`${patientUrl}/vitals`);
  await expect(nurse.getByRole("img", { name: /Blood pressure over time/ })).toBeVisible();
  await screenBothWidths(nurse, "journey-vitals");
  await nurse.goto(`${patientUrl}/timeline`);
  await screenBothWidths(nurse, "journey-timeline");
  await nurse.goto(`${patientUrl}/problems`);
  await screenBothWidths(nurse, "journey-problems");

  await withClinicDb("maple", async (db) => {
    const saved = await db.clinicalNote.findFirstOrThrow({
      where: { patientId, kind: "SOAP" },
      include: { addenda: true },
    });
    expect(saved).toMatchObject({ status: "SIGNED", objective: "Chest clear, no wheeze." });
    expect(saved.addenda).toHaveLength(1);
    const reads = await db.auditEvent.count({ where: { action: "chart.read", targetId: patientId } });
    expect(reads).toBeGreaterThan(3);
  });
});
