import { expect, type Page, test } from "@playwright/test";
import { formatDayHeading } from "@/components/front-desk/appointments/calendar-layout";
import { calendarDays } from "@/lib/clinic/calendar";
import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";

const clinicUrl = clinicOrigin("maple");
const PER_DAY = 30;
const FIRST_START = 9 * 60;

/** Demo hours are 09:00–12:30 and 13:30–17:00: of 30 bookings from 09:00 to 19:00, 10 fall outside. */
const isOutsideDemoHours = (start: number) =>
  !((start >= 9 * 60 && start + 20 <= 12 * 60 + 30) || (start >= 13 * 60 + 30 && start + 20 <= 17 * 60));

/** Appointment blocks whose patient's name, or "outside hours" mark, is cut short by the block's width. */
function cutShortBlocks(page: Page): Promise<string[]> {
  return page.locator("section[aria-label] > button[aria-label*='–']").evaluateAll((blocks) =>
    blocks
      .filter((block) => {
        const [name, details] = [...block.children] as HTMLElement[];
        if (!name || name.scrollWidth > name.clientWidth + 1) return true;
        const mark = [...(details?.children ?? [])].find((part) =>
          part.textContent?.includes("outside hours"),
        );
        if (!mark || !details) return false;
        // Measured as if clipped (an ellipsis shortens the box it cuts); the ellipsis itself takes about 1em.
        details.style.textOverflow = "clip";
        const overflows = details.scrollWidth > details.clientWidth + 1;
        const edge = details.getBoundingClientRect().right - (overflows ? 12 : 0);
        const cut = mark.getBoundingClientRect().right > edge;
        details.style.textOverflow = "";
        return cut;
      })
      .map((block) => block.getAttribute("aria-label") ?? ""),
  );
}

test("a week of five doctors with 30 appointments a day each reads as counts, and each count opens a readable day", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ storageState: savedSessionFile("maple-receptionist") });
  const page = await context.newPage();
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await withClinicDb("maple", async (db) => {
    const { timezone: timeZone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    // A week after the demo's appointments (45 days either side of today), filled here to 30 a day.
    const week = calendarDays("week", addDays(localDateOf(new Date(), timeZone), 63));
    const weekdays = week.slice(0, 5);
    const monday = week[0] as string;
    const doctors = await db.staffUser.findMany({
      where: { email: { in: [1, 2, 3, 4, 5].map((i) => `doctor${i}@maple.test`) } },
      include: { workingHours: true },
      orderBy: { name: "asc" },
    });
    expect(doctors).toHaveLength(5);
    // The longest names the demo has, to put the blocks' width to the test.
    const patients = (await db.patient.findMany({ select: { id: true, firstName: true, lastName: true } }))
      .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` }))
      // The demo's own names (other specs' patients carry run ids and odd characters on purpose).
      .filter((p) => /^[\p{L}' -]+$/u.test(p.name))
      .sort((a, b) => b.name.length - a.name.length)
      .slice(0, PER_DAY);
    const range = {
      gte: zonedTimeToUtc(monday, 0, timeZone),
      lt: zonedTimeToUtc(week[6] as string, 0, timeZone),
    };
    await db.appointment.deleteMany({ where: { startsAt: range } });
    await db.appointment.createMany({
      data: weekdays.flatMap((date) =>
        doctors.flatMap((doctor) => {
          const hours = doctor.workingHours.find((h) => h.weekday === weekdayOf(date));
          const locationId = hours?.locationId as string;
          return patients.map((patient, i) => {
            const start = FIRST_START + i * 20;
            return {
              patientId: patient.id,
              doctorId: doctor.id,
              locationId,
              startsAt: zonedTimeToUtc(date, start, timeZone),
              endsAt: zonedTimeToUtc(date, start + 20, timeZone),
              outsideHours: isOutsideDemoHours(start),
            };
          });
        }),
      ),
    });
    const outsidePerDay = patients.filter((_, i) => isOutsideDemoHours(FIRST_START + i * 20)).length;
    expect(outsidePerDay).toBe(10);

    try {
      // Everyone's week: a count per doctor and day, each naming the doctor, the day and the outside-hours bookings.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${clinicUrl}/calendar?view=week&date=${monday}&location=all&doctor=all`);
      await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
      for (const doctor of doctors) {
        for (const date of weekdays) {
          await expect(
            page.getByRole("link", {
              name: `${doctor.name} on ${formatDayHeading(date)}: ${PER_DAY} appointments, ${outsidePerDay} outside hours`,
            }),
          ).toBeVisible();
        }
      }
      await expect(
        page.getByRole("link", { name: `${formatDayHeading(monday)}: 150 appointments` }),
      ).toBeVisible();
      await shot("calendar-week-everyone-1280");

      // The day's heading opens everyone's day: a column per doctor, every patient's name in full.
      await page.getByRole("link", { name: `${formatDayHeading(monday)}: 150 appointments` }).click();
      await expect(page).toHaveURL(new RegExp(`view=day&date=${monday}&location=all&doctor=all`));
      for (const doctor of doctors)
        await expect(page.getByRole("region", { name: doctor.name })).toBeVisible();
      const blocks = page.locator("section[aria-label] > button[aria-label*='–']");
      await expect(blocks).toHaveCount(5 * PER_DAY);
      await expect(page.getByRole("button", { name: /, outside working hours$/ })).toHaveCount(
        5 * outsidePerDay,
      );
      expect(await cutShortBlocks(page)).toEqual([]);
      await shot("calendar-day-everyone-1280");

      // A count opens that doctor's day.
      const [first] = doctors as [(typeof doctors)[number]];
      await page.goBack();
      await page
        .getByRole("link", {
          name: new RegExp(`^${first.name} on ${formatDayHeading(weekdays[2] as string)}:`),
        })
        .click();
      await expect(page).toHaveURL(
        new RegExp(`view=day&date=${weekdays[2]}&location=all&doctor=${first.id}`),
      );
      await expect(blocks).toHaveCount(PER_DAY);
      expect(await cutShortBlocks(page)).toEqual([]);

      // A doctor's name opens their week as a time grid, still readable.
      await page.goto(`${clinicUrl}/calendar?view=week&date=${monday}&location=all&doctor=all`);
      await page.getByRole("link", { name: `${first.name}'s week` }).click();
      await expect(page).toHaveURL(new RegExp(`view=week&date=${monday}&location=all&doctor=${first.id}`));
      await expect(blocks).toHaveCount(5 * PER_DAY);
      expect(await cutShortBlocks(page)).toEqual([]);
      await shot("calendar-week-one-doctor-1280");

      // On a phone: a list per day, whose heading opens the day.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${clinicUrl}/calendar?view=week&date=${monday}&location=all&doctor=all`);
      const mondayList = page.getByRole("region", { name: formatDayHeading(monday) });
      await expect(
        mondayList.getByRole("link", {
          name: `${first.name} on ${formatDayHeading(monday)}: ${PER_DAY} appointments, ${outsidePerDay} outside hours`,
        }),
      ).toBeVisible();
      await shot("calendar-week-everyone-390");
      await mondayList.getByRole("link", { name: `${formatDayHeading(monday)}: 150 appointments` }).click();
      await expect(page).toHaveURL(new RegExp(`view=day&date=${monday}`));
      await expect(blocks).toHaveCount(5 * PER_DAY);
      expect(await cutShortBlocks(page)).toEqual([]);
      await shot("calendar-day-everyone-390");
      await page.goto(`${clinicUrl}/calendar?view=week&date=${monday}&location=all&doctor=${first.id}`);
      await expect(blocks).toHaveCount(5 * PER_DAY);
      expect(await cutShortBlocks(page)).toEqual([]);
      await shot("calendar-week-one-doctor-390");

      // This week as the demo has it, at the main location: for a look at the screenshots.
      await page.goto(`${clinicUrl}/calendar?view=week`);
      await expect(page.getByRole("region", { name: /\d{4}$/ }).first()).toBeVisible();
      await shot("calendar-week-this-week-390");
      await page.setViewportSize({ width: 1280, height: 900 });
      await expect(page.getByRole("table")).toBeVisible();
      await shot("calendar-week-this-week-1280");
    } finally {
      await db.appointment.deleteMany({ where: { startsAt: range } });
    }
  });
  await context.close();
});
