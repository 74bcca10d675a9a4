import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { addDays, localDateOf, wallClockOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { withClinicDb } from "./support/central-db";
import { addMorningDoctor } from "./support/doctors";
import { clinicOrigin } from "./support/origins";
import { MAPLE_RECEPTIONIST, savedSessionFile } from "./support/saved-sessions";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const DOCTOR_PASSWORD = "front-desk-e2e-password";

/** A time later today in the clinic, or earlier today when the day is nearly over. */
function laterToday(now: Date, timeZone: string): number {
  const minute = wallClockOf(now, timeZone).minuteOfDay;
  const left = 24 * 60 - minute;
  if (left < 45) return minute - 60;
  return Math.floor((minute + Math.min(60, left / 2)) / 5) * 5;
}

test("a receptionist books a free slot and checks a patient in; the doctor sees the booking in their day", async ({
  page: doctorPage,
  browser,
}) => {
  // The receptionist is the demo one, signed in by the setup project; the doctor is this test's own.
  const deskContext = await browser.newContext({ storageState: savedSessionFile("maple-receptionist") });
  const desk = await deskContext.newPage();
  await withClinicDb("maple", async (db) => {
    const run = randomBytes(3).toString("hex");
    const { timezone: timeZone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const now = new Date();
    const today = localDateOf(now, timeZone);
    const tomorrow = addDays(today, 1);

    const doctor = await addMorningDoctor(db, {
      email: `doctor-${run}@maple.test`,
      name: `Dr Rowan ${run}`,
      locationId: location.id,
      date: tomorrow,
      passwordHash: await hashPassword(DOCTOR_PASSWORD),
      calendarColor: "#7c3aed",
      defaultSlotMinutes: 30,
    });
    const receptionist = await db.staffUser.findUniqueOrThrow({ where: { email: MAPLE_RECEPTIONIST.email } });
    const booked = await db.patient.create({
      data: { firstName: "Robin", lastName: `Quill${run}`, dateOfBirth: new Date("1990-02-03") },
    });
    const arriving = await db.patient.create({
      data: { firstName: "Sky", lastName: `Arrow${run}`, dateOfBirth: new Date("1985-08-09") },
    });
    const startMinute = laterToday(now, timeZone);
    const todays = await db.appointment.create({
      data: {
        patientId: arriving.id,
        doctorId: doctor.id,
        locationId: location.id,
        startsAt: zonedTimeToUtc(today, startMinute, timeZone),
        endsAt: zonedTimeToUtc(today, startMinute + 20, timeZone),
      },
    });

    // The receptionist books Robin into the doctor's 09:30 slot tomorrow.
    await desk.goto(
      `${clinicUrl}/calendar?view=day&date=${tomorrow}&location=${location.id}&doctor=${doctor.id}`,
    );
    await expect(desk.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await desk.getByRole("button", { name: `Book ${doctor.name} at 09:30` }).click();
    const dialog = desk.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByRole("searchbox", { name: "Patient" }).fill(`quill${run}`);
    await dialog.getByRole("button", { name: new RegExp(`Robin Quill${run}`) }).click();
    await dialog.getByLabel("Reason for the visit").fill("Annual check-up");
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await expect(
      desk.getByRole("status").filter({ hasText: `Booked Robin Quill${run} at 09:30` }),
    ).toBeVisible();
    await expect(desk.getByRole("button", { name: `09:30–10:00 Robin Quill${run}, Booked` })).toBeVisible();
    await expect(desk.getByRole("button", { name: `Book ${doctor.name} at 09:30` })).toHaveCount(0);
    const appointment = await db.appointment.findFirstOrThrow({ where: { patientId: booked.id } });
    expect(appointment).toMatchObject({
      doctorId: doctor.id,
      status: "BOOKED",
      startsAt: zonedTimeToUtc(tomorrow, 9 * 60 + 30, timeZone),
      createdById: receptionist.id,
    });
    await expect(
      db.auditEvent.findFirstOrThrow({ where: { targetId: appointment.id, action: "appointment.booked" } }),
    ).resolves.toMatchObject({ actorId: receptionist.id });

    // Sky arrives for today's appointment: one click at the front desk.
    await desk.goto(`${clinicUrl}/today`);
    await expect(desk.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await desk.getByRole("button", { name: new RegExp(`^Check in: Sky Arrow${run}`) }).click();
    await expect(desk.getByRole("status").filter({ hasText: `Sky Arrow${run}: checked in.` })).toBeVisible();
    await expect(
      desk.getByRole("region", { name: /^Checked in/ }).getByText(`Sky Arrow${run}`),
    ).toBeVisible();
    await expect
      .poll(async () => (await db.appointment.findUniqueOrThrow({ where: { id: todays.id } })).status)
      .toBe("CHECKED_IN");

    // The doctor's calendar opens on their own day; tomorrow holds Robin's booking.
    await signIn(doctorPage, clinicUrl, { email: doctor.email, password: DOCTOR_PASSWORD });
    await doctorPage.goto(`${clinicUrl}/calendar?date=${tomorrow}`);
    await expect(doctorPage.getByRole("region", { name: doctor.name })).toBeVisible();
    await expect(
      doctorPage.getByRole("button", { name: `09:30–10:00 Robin Quill${run}, Booked` }),
    ).toBeVisible();
    await expect(doctorPage.getByRole("button", { name: "New appointment" })).toHaveCount(0);
    await doctorPage.goto(`${clinicUrl}/today`);
    await expect(
      doctorPage.getByRole("region", { name: /^Checked in/ }).getByText(`Sky Arrow${run}`),
    ).toBeVisible();
    // The doctor starts their own visit (it opens) and completes it; check-in and no-show stay with the front desk.
    await expect(doctorPage.getByRole("button", { name: /^(Check in|No-show):/ })).toHaveCount(0);
    await doctorPage.getByRole("button", { name: new RegExp(`^Start visit: Sky Arrow${run}`) }).click();
    await doctorPage.waitForURL(/\/visits\//);
    await doctorPage.goto(`${clinicUrl}/today`);
    await expect(
      doctorPage.getByRole("region", { name: /^With the doctor/ }).getByText(`Sky Arrow${run}`),
    ).toBeVisible();
    await doctorPage.getByRole("button", { name: new RegExp(`^Complete: Sky Arrow${run}`) }).click();
    await expect(
      doctorPage.getByRole("region", { name: /^Completed/ }).getByText(`Sky Arrow${run}`),
    ).toBeVisible();
    await expect(
      db.auditEvent.findFirstOrThrow({
        where: { targetId: todays.id, action: "appointment.status-changed", actorId: doctor.id },
        orderBy: { at: "desc" },
      }),
    ).resolves.toMatchObject({ details: { from: "IN_PROGRESS", to: "COMPLETED" } });
  });
  await deskContext.close();
});

test("booking outside a doctor's hours needs the front desk's explicit choice, and the calendar shows it", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ storageState: savedSessionFile("maple-receptionist") });
  const desk = await context.newPage();
  await withClinicDb("maple", async (db) => {
    const run = randomBytes(3).toString("hex");
    const { timezone: timeZone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const tomorrow = addDays(localDateOf(new Date(), timeZone), 1);
    const doctor = await addMorningDoctor(db, {
      email: `late-${run}@maple.test`,
      name: `Dr Late ${run}`,
      locationId: location.id,
      date: tomorrow,
    });
    const patient = await db.patient.create({
      data: { firstName: "Eve", lastName: `Ning${run}`, dateOfBirth: new Date("1979-04-05") },
    });

    await desk.goto(
      `${clinicUrl}/calendar?view=day&date=${tomorrow}&location=${location.id}&doctor=${doctor.id}`,
    );
    await desk.getByRole("button", { name: "New appointment" }).click();
    const dialog = desk.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByRole("searchbox", { name: "Patient" }).fill(`ning${run}`);
    await dialog.getByRole("button", { name: new RegExp(`Eve Ning${run}`) }).click();
    await dialog.getByLabel("Start").fill("18:00");
    await dialog.getByLabel("End").fill("18:20");
    const choice = dialog.getByRole("checkbox", { name: "Book outside working hours" });
    await expect(choice).toHaveCount(0);
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await expect(desk.getByRole("alert").filter({ hasText: "outside Dr Late" })).toBeVisible();
    await expect(choice).toBeVisible();
    expect(await db.appointment.count({ where: { patientId: patient.id } })).toBe(0);
    for (const [name, width] of [
      ["desktop", 1280],
      ["390", 390],
    ] as const) {
      await desk.setViewportSize({ width, height: 844 });
      await desk.screenshot({ path: testInfo.outputPath(`outside-hours-${name}.png`) });
    }
    await desk.setViewportSize({ width: 1280, height: 800 });

    await choice.check();
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await expect(
      desk.getByRole("status").filter({ hasText: `Booked Eve Ning${run} at 18:00` }),
    ).toBeVisible();
    await expect(
      desk.getByRole("button", { name: `18:00–18:20 Eve Ning${run}, Booked, outside working hours` }),
    ).toBeVisible();
    const booked = await db.appointment.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(booked.outsideHours).toBe(true);
    await expect(
      db.auditEvent.findFirstOrThrow({ where: { targetId: booked.id, action: "appointment.booked" } }),
    ).resolves.toMatchObject({ details: expect.objectContaining({ outsideHours: true }) });
  });
  await context.close();
});
