import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { localDateOf, wallClockOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const PASSWORD = "clinical-notes-e2e-password";

test("a doctor starts the visit from Today, writes with a template and a quick text, keeps typed text through a dropped connection and a reload, signs, and adds an addendum", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const patientName = `Nell Notes${run}`;
  const { doctor, appointmentId } = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `notes-${run}@maple.test`,
        name: `Dr Quill ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    const today = localDateOf(new Date(), timezone);
    const minute = Math.min(wallClockOf(new Date(), timezone).minuteOfDay, 24 * 60 - 20);
    const patient = await db.patient.create({
      data: { firstName: "Nell", lastName: `Notes${run}`, dateOfBirth: new Date("1988-02-03") },
    });
    const appointment = await db.appointment.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        status: "CHECKED_IN",
        checkedInAt: new Date(),
        reason: "Sore throat",
        startsAt: zonedTimeToUtc(today, minute, timezone),
        endsAt: zonedTimeToUtc(today, minute + 20, timezone),
      },
    });
    await db.noteTemplate.createMany({
      data: [
        { ownerId: doctor.id, kind: "TEMPLATE", name: "Throat exam", body: "Throat: red, no exudate." },
        { ownerId: doctor.id, kind: "QUICK_TEXT", name: "Normal", code: "nad", body: "No acute distress." },
      ],
    });
    // An older draft of the doctor's, on another patient's walk-in: it waits in "My unsigned notes".
    const earlier = await db.patient.create({
      data: { firstName: "Otto", lastName: `Earlier${run}`, dateOfBirth: new Date("1979-09-09") },
    });
    const walkIn = await db.visit.create({
      data: {
        patientId: earlier.id,
        doctorId: doctor.id,
        locationId: location.id,
        reason: "Dressing change",
      },
    });
    await db.clinicalNote.create({
      data: {
        visitId: walkIn.id,
        patientId: earlier.id,
        authorId: doctor.id,
        kind: "DRESSING",
        body: "Clean.",
      },
    });
    return { doctor, appointmentId: appointment.id };
  });

  await signIn(page, clinicUrl, { email: doctor.email, password: PASSWORD });
  await page.goto(`${clinicUrl}/today`);
  await page.getByRole("button", { name: new RegExp(`^Start visit: ${patientName} at`) }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Visit / })).toBeVisible();
  await expect(page.getByText("Sore throat", { exact: true })).toBeVisible();
  const visitUrl = page.url();
  await withClinicDb("maple", async (db) => {
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe(
      "IN_PROGRESS",
    );
  });

  await page.getByRole("button", { name: "Write SOAP note" }).click();
  const subjective = page.getByRole("textbox", { name: /^Subjective/ });
  await subjective.fill("Sore throat for 3 days, no fever.");
  await page.getByRole("textbox", { name: /^Objective/ }).click();
  await page.getByRole("button", { name: "Insert template" }).click();
  await expect(page.getByRole("textbox", { name: /^Objective/ })).toHaveValue("Throat: red, no exudate.");
  const assessment = page.getByRole("textbox", { name: /^Assessment/ });
  await assessment.click();
  await assessment.pressSequentially(".nad Viral pharyngitis.");
  await expect(assessment).toHaveValue("No acute distress. Viral pharyngitis.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible({ timeout: 15_000 });

  // The connection drops: the text stays in this browser, and the save keeps being retried.
  await context.setOffline(true);
  const plan = page.getByRole("textbox", { name: /^Plan/ });
  await plan.click();
  await plan.pressSequentially("Rest, fluids, review in 1 week.");
  await expect(page.getByText("Not saved yet — retrying")).toBeVisible({ timeout: 15_000 });
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible({ timeout: 40_000 });

  // Saves fail again (the server unreachable); the page is reloaded meanwhile: the typed text comes back.
  await page.route(visitUrl, (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  await plan.click();
  await plan.press("End");
  await plan.pressSequentially(" Paracetamol as needed.");
  await expect(page.getByText("Not saved yet — retrying")).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByText("Restored unsaved text from this browser.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Plan/ })).toHaveValue(
    "Rest, fluids, review in 1 week. Paracetamol as needed.",
  );
  await page.unroute(visitUrl);
  await expect(page.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible({ timeout: 40_000 });
  await screenBothWidths(page, "visit-draft");

  await page.getByRole("button", { name: "Sign note" }).click();
  const note = page.getByRole("article", { name: `SOAP note by Dr Quill ${run}` });
  await expect(note.getByText("Signed", { exact: true })).toBeVisible();
  await expect(note.getByText("Rest, fluids, review in 1 week. Paracetamol as needed.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Plan/ })).toHaveCount(0);

  await note.getByRole("button", { name: "Add addendum" }).click();
  await note.getByRole("textbox", { name: /^Addendum/ }).fill("Rapid strep test negative.");
  await note.getByRole("button", { name: "Add addendum" }).click();
  await expect(note.getByText("Rapid strep test negative.")).toBeVisible();
  await withClinicDb("maple", async (db) => {
    const saved = await db.clinicalNote.findFirstOrThrow({
      where: { authorId: doctor.id, kind: "SOAP" },
      include: { addenda: true },
    });
    expect(saved).toMatchObject({
      status: "SIGNED",
      subjective: "Sore throat for 3 days, no fever.",
      objective: "Throat: red, no exudate.",
      assessment: "No acute distress. Viral pharyngitis.",
      plan: "Rest, fluids, review in 1 week. Paracetamol as needed.",
    });
    expect(saved.addenda.map((addendum) => addendum.body)).toEqual(["Rapid strep test negative."]);
  });
  await page.goto(visitUrl);
  await screenBothWidths(page, "visit-signed");

  await page.goto(`${clinicUrl}/notes`);
  await expect(page.getByRole("heading", { level: 1, name: "My unsigned notes" })).toBeVisible();
  await expect(page.getByText(`Otto Earlier${run}`)).toBeVisible();
  await expect(page.getByText(patientName)).toHaveCount(0);
  await screenBothWidths(page, "unsigned-notes");

  await page.goto(`${clinicUrl}/templates`);
  await expect(page.getByText("Throat exam")).toBeVisible();
  await screenBothWidths(page, "templates");
});
