import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { addDays, formatClinicDay, localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { addMorningDoctor } from "./support/doctors";
import { clinicOrigin } from "./support/origins";
import { MAPLE_RECEPTIONIST, savedSessionFile } from "./support/saved-sessions";

const clinicUrl = clinicOrigin("maple");
const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a booking made at the front desk reads as a sentence in the owner's audit log, and filters by the patient and the person", async ({
  browser,
}) => {
  const deskContext = await browser.newContext({ storageState: savedSessionFile("maple-receptionist") });
  const desk = await deskContext.newPage();
  await withClinicDb("maple", async (db) => {
    const run = randomBytes(3).toString("hex");
    const { timezone: timeZone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const tomorrow = addDays(localDateOf(new Date(), timeZone), 1);
    const doctor = await addMorningDoctor(db, {
      email: `audit-doctor-${run}@maple.test`,
      name: `Dr Ada ${run}`,
      locationId: location.id,
      date: tomorrow,
      calendarColor: "#0f766e",
    });
    const patient = await db.patient.create({
      data: { firstName: "Ben", lastName: `Adams${run}`, dateOfBirth: new Date("1990-02-03") },
    });
    const receptionist = await db.staffUser.findUniqueOrThrow({ where: { email: MAPLE_RECEPTIONIST.email } });

    await desk.goto(
      `${clinicUrl}/calendar?view=day&date=${tomorrow}&location=${location.id}&doctor=${doctor.id}`,
    );
    await desk.getByRole("button", { name: `Book ${doctor.name} at 09:40` }).click();
    const dialog = desk.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByRole("searchbox", { name: "Patient" }).fill(`adams${run}`);
    await dialog.getByRole("button", { name: new RegExp(`Ben Adams${run}`) }).click();
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await expect(
      desk.getByRole("status").filter({ hasText: `Booked Ben Adams${run} at 09:40` }),
    ).toBeVisible();
    await deskContext.close();

    const when = formatClinicDay(zonedTimeToUtc(tomorrow, 9 * 60 + 40, timeZone), timeZone);
    const sentence = `${receptionist.name} booked Ben Adams${run} with ${doctor.name} for ${when} 09:40.`;
    const owner = await browser.newContext({ storageState: savedSessionFile("clinic-admin") });
    const page = await owner.newPage();
    await page.goto(`${clinicUrl}/audit`);
    await expect(page.getByText(`times in ${timeZone}`)).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Audit events" }).getByRole("listitem").filter({ hasText: sentence }),
    ).toBeVisible();
    await expect(page.getByText(/appointment\.booked|[0-9a-f]{8}-[0-9a-f]{4}-/)).toHaveCount(0);
    await screenshot(page, "audit-log");

    // The patient's own history: their events only.
    await page
      .getByRole("link", { name: `Only Ben Adams${run}` })
      .first()
      .click();
    await expect(page).toHaveURL(/\/audit\?patient=/);
    await expect(page.getByText(`Only events about Ben Adams${run}`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Audit events" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Audit events" }).getByRole("listitem")).toContainText(
      sentence,
    );
    // …and the same with who did it and what kind, together.
    await page.getByLabel("Who").selectOption({ label: receptionist.name });
    await expect(page).toHaveURL(/person=/);
    await expect(page.getByRole("region", { name: "Audit events" }).getByRole("listitem")).toContainText(
      sentence,
    );
    await page.getByLabel("What").selectOption({ label: "Staff accounts" });
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
    await page.getByLabel("What").selectOption({ label: "Appointments" });
    await expect(page.getByRole("region", { name: "Audit events" }).getByRole("listitem")).toHaveCount(1);
    await screenshot(page, "audit-log-filtered");
    // The patient's page leads to the same history.
    await page.goto(`${clinicUrl}/patients/${patient.id}`);
    await page.getByRole("link", { name: "Audit history" }).click();
    await expect(page).toHaveURL(`${clinicUrl}/audit?patient=${patient.id}`);
    await expect(page.getByRole("region", { name: "Audit events" }).getByRole("listitem")).toContainText(
      sentence,
    );
    await owner.close();
  });
});

test("a search on the patient list is audited once, and reloading its results writes nothing", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: savedSessionFile("maple-receptionist") });
  const page = await context.newPage();
  await withClinicDb("maple", async (db) => {
    const run = randomBytes(3).toString("hex");
    await db.patient.create({
      data: { firstName: "Cleo", lastName: `Search${run}`, dateOfBirth: new Date("1984-04-04") },
    });
    const receptionist = await db.staffUser.findUniqueOrThrow({ where: { email: MAPLE_RECEPTIONIST.email } });
    const searches = () =>
      db.auditEvent.count({
        where: {
          action: "patients.searched",
          actorId: receptionist.id,
          details: { path: ["purpose"], equals: "patient-list" },
        },
      });
    const before = await searches();

    await page.goto(`${clinicUrl}/patients`);
    await page.getByLabel("Find a patient").fill(`search${run}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/patients\\?q=search${run}$`));
    await expect(page.getByText(`1 patient matches “search${run}”.`)).toBeVisible();
    await expect.poll(searches).toBe(before + 1);
    const [row] = await db.auditEvent.findMany({
      where: { action: "patients.searched", actorId: receptionist.id },
      orderBy: { at: "desc" },
      take: 1,
    });
    expect(row?.details).toEqual({ purpose: "patient-list", matches: 1 });

    await page.reload();
    await expect(page.getByText(`1 patient matches “search${run}”.`)).toBeVisible();
    await page.goto(`${clinicUrl}/patients?q=search${run}`);
    await expect(page.getByText(`1 patient matches “search${run}”.`)).toBeVisible();
    expect(await searches()).toBe(before + 1);
  });
  await context.close();
});
