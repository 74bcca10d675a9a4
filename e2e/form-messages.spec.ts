import http from "node:http";
import { expect, test } from "@playwright/test";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin, E2E_PORT } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";
import { postServerAction, serverActionId } from "./support/server-action";

const clinicUrl = clinicOrigin("maple");

test.use({ storageState: savedSessionFile("maple-receptionist") });

test("the server answers bad input in plain sentences, not in Zod's words", async () => {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const response = await postServerAction({
      agent,
      host: `maple.localhost:${E2E_PORT}`,
      path: "/login",
      actionId: serverActionId("lib/actions/account/sign-in.ts", "signInAction"),
      args: [{ email: "someone@maple.test", password: "x".repeat(201) }],
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain("Keep this to 200 characters or fewer.");
    expect(response.body).not.toMatch(/Too big|expected string/);
  } finally {
    agent.destroy();
  }
});

test("a receptionist types a date of birth the clinic's way and reads plain messages", async ({ page }) => {
  await page.goto(`${clinicUrl}/patients/new`);
  const born = page.getByLabel("Date of birth");
  await expect(born).toHaveAttribute("placeholder", "DD/MM/YYYY");

  await page.getByLabel("First name").fill("A".repeat(101));
  await page.getByLabel("Last name").fill("Example");
  await born.fill("31/02/1990");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByText("Keep this to 100 characters or fewer.")).toBeVisible();
  await expect(page.getByText("Enter a date of birth that exists, with a 4-digit year.")).toBeVisible();
  await expect(page.getByText(/Too big|expected string|Invalid input/)).toHaveCount(0);

  await born.fill("3.2.1990");
  await born.blur();
  await expect(born).toHaveValue("03/02/1990");
  await expect(page.getByText("Enter a date of birth that exists, with a 4-digit year.")).toHaveCount(0);
  for (const [name, width] of [
    ["desktop", 1280],
    ["390", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`patient-form-${name}.png`), fullPage: true });
  }
});

test("the booking dialog takes times as staff type them and shows them on the clinic's 24-hour clock", async ({
  page,
}) => {
  await page.goto(`${clinicUrl}/calendar?view=day`);
  await page.getByRole("button", { name: "New appointment" }).click();
  const dialog = page.getByRole("dialog", { name: "Book an appointment" });
  const start = dialog.getByLabel("Start");
  const end = dialog.getByLabel("End");
  await expect(dialog.getByLabel("Date")).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);

  await start.fill("930");
  await end.fill("9.50");
  await end.blur();
  await expect(start).toHaveValue("09:30");
  await expect(end).toHaveValue("09:50");

  await end.fill("25:00");
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  await expect(dialog.getByText("Enter a time such as 9:30 or 14:00.")).toBeVisible();
  for (const [name, width] of [
    ["desktop", 1280],
    ["390", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: test.info().outputPath(`booking-dialog-${name}.png`) });
  }
});

// Maple's owner (the demo clinic admin's saved session): these change maple, in its lane.
test.describe(() => {
  test.use({ storageState: savedSessionFile("clinic-admin") });

  test("an owner adds time off with times typed as staff say them, in the clinic's date order", async ({
    page,
  }) => {
    const doctor = await withClinicDb("maple", (db) =>
      db.doctorProfile.findFirstOrThrow({ select: { staffId: true } }),
    );
    // Far ahead, so no other journey's slots are touched.
    const day = new Date(Date.now() + 400 * 86_400_000 + Math.floor(Math.random() * 200) * 86_400_000);
    const typed = `${day.getUTCDate()}.${day.getUTCMonth() + 1}.${day.getUTCFullYear()}`;
    const iso = day.toISOString().slice(0, 10);

    const location = await withClinicDb("maple", (db) =>
      db.location.findFirstOrThrow({ where: { isMain: true }, select: { id: true } }),
    );
    // Opening hours: an added interval shows its times on the clinic's clock (not saved here).
    await page.goto(`${clinicUrl}/locations/${location.id}`);
    if ((await page.getByLabel("Saturday opens").count()) === 0) {
      await page.getByRole("button", { name: "Add hours on Saturday" }).click();
    }
    await expect(page.getByLabel("Saturday opens").first()).toHaveValue(/^\d{2}:\d{2}$/);
    await page.getByLabel("Saturday closes").first().fill("1330");
    await page.getByLabel("Saturday closes").first().blur();
    await expect(page.getByLabel("Saturday closes").first()).toHaveValue("13:30");

    await page.goto(`${clinicUrl}/doctors/${doctor.staffId}`);
    await expect(page.getByLabel(/Monday from|Tuesday from/).first()).toHaveValue(/^\d{2}:\d{2}$/);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add time off" }) });
    await form.getByLabel("Date").fill(typed);
    await form.getByLabel("The whole day").uncheck();
    await form.getByLabel("From").fill("9");
    await form.getByLabel("To").fill("1230");
    await form.getByRole("button", { name: "Add time off" }).click();
    await expect(page.getByText("The time off is added.")).toBeVisible();
    await expect(page.getByText("09:00–12:30").first()).toBeVisible();
    const saved = await withClinicDb("maple", (db) =>
      db.availabilityOverride.findFirstOrThrow({
        where: { doctorId: doctor.staffId, date: new Date(`${iso}T00:00:00Z`) },
      }),
    );
    expect(saved).toMatchObject({ kind: "TIME_OFF", startMinute: 9 * 60, endMinute: 12 * 60 + 30 });
  });

  test("an owner sets month-first dates and a 12-hour clock, and the forms follow", async ({ page }) => {
    try {
      await page.goto(`${clinicUrl}/settings`);
      await page.getByLabel("Dates").selectOption("MDY");
      await page.getByLabel("12-hour clock (2:30 pm instead of 14:30)").check();
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByText("Settings saved.")).toBeVisible();

      await page.goto(`${clinicUrl}/patients/new`);
      const born = page.getByLabel("Date of birth");
      await expect(born).toHaveAttribute("placeholder", "MM/DD/YYYY");
      await born.fill("2/3/1990");
      await born.blur();
      await expect(born).toHaveValue("02/03/1990");

      await page.goto(`${clinicUrl}/calendar?view=day`);
      await page.getByRole("button", { name: "New appointment" }).click();
      const start = page.getByRole("dialog").getByLabel("Start");
      await start.fill("1430");
      await start.blur();
      await expect(start).toHaveValue("2:30 pm");
    } finally {
      await withClinicDb("maple", (db) =>
        db.clinicSetting.update({ where: { id: 1 }, data: { dateOrder: "DMY", hour12: false } }),
      );
    }
  });
});
