import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { openClinicAs } from "./support/open-clinic";
import { clinicOrigin } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { provisionOwnClinic } from "./support/own-clinics";

// A clinic of this spec's own on a 12-hour clock: the demo clinics keep 24 hours for the other specs.
const subdomain = `larch-${randomBytes(3).toString("hex")}`;
const larch = clinicOrigin(subdomain);
/**
 * A fixed-offset zone where it is morning now (08:00–08:59), so 23:30 there is later today whenever
 * the spec runs ("Etc/GMT-5" is UTC+5).
 */
function morningZone(now: Date): string {
  let offset = 8 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  if (offset === 0) return "UTC";
  return `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}
const timeZone = morningZone(new Date());
const today = localDateOf(new Date(), timeZone);
let ownerEmail: string;

test.beforeAll(async () => {
  ownerEmail = (await createPlatformAccount({ role: "CLINIC_ADMIN", name: "Hour Owner" })).email;
  await provisionOwnClinic({ subdomain, name: "Larch Clinic", ownerEmail });
  await withClinicDb(subdomain, async (db) => {
    await db.clinicSetting.update({ where: { id: 1 }, data: { timezone: timeZone, hour12: true } });
    const location = await db.location.create({ data: { name: "Larch Main", isMain: true } });
    const doctor = await db.staffUser.create({
      data: { email: `hana@${subdomain}.test`, name: "Dr Hana Hour", role: "DOCTOR", passwordHash: "!" },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    const patient = await db.patient.create({
      data: { firstName: "Pat", lastName: "Clock", dateOfBirth: new Date("1980-05-01") },
    });
    // Late in the clinic's day, which has just begun: still to come, and today.
    await db.appointment.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        startsAt: zonedTimeToUtc(today, 23 * 60 + 30, timeZone),
        endsAt: zonedTimeToUtc(today, 23 * 60 + 50, timeZone),
        createdById: doctor.id,
      },
    });
  });
});

/** Screenshots at desktop and phone width, only when asked for (CLOCK_SHOTS=1), to look at. */
async function shots(page: Page, name: string) {
  if (!process.env.CLOCK_SHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/clock-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a clinic on a 12-hour clock sees am/pm times on Today, the calendar, the details and the audit log", async ({
  page,
}) => {
  await openClinicAs(page, subdomain, ownerEmail);

  await page.goto(`${larch}/dashboard`);
  await expect(page.getByRole("listitem").filter({ hasText: "Pat Clock" })).toContainText("11:30 pm");

  await shots(page, "dashboard");
  await page.goto(`${larch}/today`);
  const row = page.getByRole("row", { name: /Pat Clock/ });
  await expect(row).toContainText("11:30 pm–11:50 pm");
  await row.getByRole("button", { name: "Details" }).click();
  await expect(page.getByRole("dialog")).toContainText("11:30 pm–11:50 pm");
  await shots(page, "details");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Check in: Pat Clock at 11:30 pm" }).click();
  await expect(row).toContainText("Checked in");
  await shots(page, "today");

  await page.goto(`${larch}/calendar?view=day&date=${today}`);
  await expect(page.getByRole("button", { name: /^11:30 pm–11:50 pm Pat Clock/ })).toBeVisible();
  await expect(page.getByText("11 pm", { exact: true })).toBeVisible();
  await shots(page, "calendar");

  await page.goto(`${larch}/audit`);
  const entry = page.getByRole("listitem").filter({ hasText: "checked in Pat Clock" });
  await expect(entry).toContainText(/for \w{3} \d{1,2} \w{3} 11:30 pm/);
  // The event's own time, with seconds, on the same clock.
  await expect(entry).toContainText(/^\d{1,2}:\d\d:\d\d [ap]m/);
  await shots(page, "audit");
});
