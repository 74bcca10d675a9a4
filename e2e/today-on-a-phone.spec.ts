import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { localDateOf, wallClockOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";

const clinicUrl = clinicOrigin("maple");

test.use({ storageState: savedSessionFile("maple-receptionist"), viewport: { width: 390, height: 844 } });

test("on a 390 px phone, Today shows each appointment's buttons without sideways scrolling, and a toast never covers the next dialog's buttons", async ({
  page,
}) => {
  const run = randomBytes(3).toString("hex");
  const [first, second] = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    // A doctor of this test's own, whose day has room for its bookings.
    const doctor = await db.staffUser.create({
      data: {
        email: `doctor-${run}@maple.test`,
        name: `Dr Pocket ${run}`,
        role: "DOCTOR",
        passwordHash: "!",
      },
    });
    await db.doctorProfile.create({
      data: { staffId: doctor.id, calendarColor: "#0891b2", defaultSlotMinutes: 10 },
    });
    const today = localDateOf(new Date(), timezone);
    // Two short visits in the day's last half hour, or just after now: check-in is for today only.
    const minute = Math.min(wallClockOf(new Date(), timezone).minuteOfDay, 24 * 60 - 30);
    const book = async (firstName: string, offset: number) => {
      const patient = await db.patient.create({
        data: { firstName, lastName: `Phone${run}`, dateOfBirth: new Date("1992-04-05") },
      });
      const startMinute = minute + offset;
      await db.appointment.create({
        data: {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          startsAt: zonedTimeToUtc(today, startMinute, timezone),
          endsAt: zonedTimeToUtc(today, startMinute + 10, timezone),
        },
      });
      return `${firstName} Phone${run}`;
    };
    return [await book("Ada", 0), await book("Bo", 10)];
  });

  await page.goto(`${clinicUrl}/today`);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  const checkIn = page.getByRole("button", { name: new RegExp(`^Check in: ${first} at`) });
  // Scrolled to vertically only: a button off to the side of a sideways-scrolling table stays out of view.
  await checkIn.evaluate((button) => window.scrollBy(0, button.getBoundingClientRect().top - 200));
  await expect(checkIn).toBeInViewport({ ratio: 1 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);

  await checkIn.click();
  const toast = page.getByRole("status").filter({ hasText: `${first}: checked in.` });
  await expect(toast).toBeVisible();

  // The next dialog opens while the toast is still up: the toast moves into it, clear of its buttons.
  const card = page.locator("tr").filter({ hasText: second });
  await card.getByRole("button", { name: "Details" }).click();
  const dialog = page.getByRole("dialog", { name: "Appointment" });
  await expect(dialog).toBeVisible();
  const toastInDialog = dialog.getByRole("status").filter({ hasText: `${first}: checked in.` });
  await expect(toastInDialog).toBeVisible();
  const toastBox = await toastInDialog.boundingBox();
  if (!toastBox) throw new Error("the toast has no box");
  for (const button of await dialog.getByRole("button").all()) {
    const box = await button.boundingBox();
    if (!box) continue;
    const overlaps =
      box.x < toastBox.x + toastBox.width &&
      toastBox.x < box.x + box.width &&
      box.y < toastBox.y + toastBox.height &&
      toastBox.y < box.y + box.height;
    expect(overlaps, `the toast covers “${await button.textContent()}”`).toBe(false);
  }
});
