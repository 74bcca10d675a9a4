import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addDays, localDateOf } from "@/lib/clinic/time";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { withClinicDb } from "./support/central-db";
import { addMorningDoctor } from "./support/doctors";
import { clinicOrigin } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");

test("a manager adds a priced appointment type and a zero-rated item; a receptionist books with the type and its length fills in", async ({
  page: manager,
  browser,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const typeName = `Long visit ${run}`;
  const itemCode = `CERT-${run}`.toUpperCase();

  await signIn(manager, clinicUrl, { email: "manager@maple.test", password: DEMO_STAFF_PASSWORD });
  await manager.goto(`${clinicUrl}/billing/price-list`);
  await expect(manager.getByRole("heading", { level: 1, name: "Price list" })).toBeVisible();

  // An appointment type with a price; too many decimals are refused on the field first.
  await manager.getByRole("button", { name: "Add appointment type" }).click();
  const typeDialog = manager.getByRole("dialog", { name: "Add an appointment type" });
  await typeDialog.getByLabel("Name").fill(typeName);
  await typeDialog.getByLabel("Length (minutes)").fill("45");
  await typeDialog.getByLabel("Invoice code").fill(`LONG-${run}`);
  await typeDialog.getByLabel(/^Price/).fill("80.125");
  await typeDialog.getByRole("radio", { name: /^Exempt/ }).check();
  await typeDialog.getByLabel("Reason for the exemption").fill("Medical care: exempt from tax");
  await typeDialog.getByRole("button", { name: "Save" }).click();
  await expect(typeDialog.getByText(/has (\d decimals at most|no decimals)/)).toBeVisible();
  await screenBothWidths(manager, "billing-price-list-type-dialog");
  await typeDialog.getByLabel(/^Price/).fill("80");
  await typeDialog.getByRole("button", { name: "Save" }).click();
  await expect(
    manager.getByRole("status").filter({ hasText: "The appointment type is added." }),
  ).toBeVisible();
  const typeRow = manager.getByRole("row").filter({ hasText: typeName });
  await expect(typeRow).toContainText("45 min");
  await expect(typeRow).toContainText("Exempt: Medical care: exempt from tax");

  // A zero-rated item.
  await manager.getByRole("button", { name: "Add item" }).click();
  const itemDialog = manager.getByRole("dialog", { name: "Add an item" });
  await itemDialog.getByLabel("Code").fill(itemCode);
  await itemDialog.getByLabel("Name").fill("Fitness certificate");
  await itemDialog.getByLabel(/^Price/).fill("15");
  await itemDialog.getByRole("radio", { name: /^Zero-rated/ }).check();
  await itemDialog.getByRole("button", { name: "Save" }).click();
  await expect(
    manager.getByRole("status").filter({ hasText: "The item is on the price list." }),
  ).toBeVisible();
  await expect(manager.getByRole("row").filter({ hasText: itemCode })).toContainText("Zero-rated");
  await screenBothWidths(manager, "billing-price-list");

  // The receptionist books with the new type: its 45 minutes fill in the end time.
  const { doctor, tomorrow, locationId } = await withClinicDb("maple", async (db) => {
    const { timezone } = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const date = addDays(localDateOf(new Date(), timezone), 1);
    await db.patient.create({
      data: { firstName: "Tam", lastName: `Typed${run}`, dateOfBirth: new Date("1988-03-04") },
    });
    const created = await addMorningDoctor(db, {
      email: `pricelist-${run}@maple.test`,
      name: `Dr Tally ${run}`,
      locationId: location.id,
      date,
    });
    return { doctor: created, tomorrow: date, locationId: location.id };
  });
  const desk = await (
    await browser.newContext({ storageState: savedSessionFile("maple-receptionist") })
  ).newPage();
  await desk.goto(
    `${clinicUrl}/calendar?view=day&date=${tomorrow}&location=${locationId}&doctor=${doctor.id}`,
  );
  await desk.getByRole("button", { name: `Book ${doctor.name} at 10:00` }).click();
  const booking = desk.getByRole("dialog", { name: "Book an appointment" });
  await booking.getByRole("searchbox", { name: "Patient" }).fill(`typed${run}`);
  await booking.getByRole("button", { name: new RegExp(`Tam Typed${run}`) }).click();
  await booking.getByLabel("Appointment type").selectOption({ label: `${typeName} · 45 min` });
  await expect(booking.getByLabel("End")).toHaveValue(/10:45|10\.45/);
  await screenBothWidths(desk, "billing-booking-with-type");
  await booking.getByRole("button", { name: "Book", exact: true }).click();
  await expect(desk.getByRole("status").filter({ hasText: `Booked Tam Typed${run}` })).toBeVisible();
  await expect(
    desk.getByRole("button", { name: new RegExp(`Tam Typed${run}, Booked.*${typeName}`) }),
  ).toBeVisible();
  const stored = await withClinicDb("maple", (db) =>
    db.appointment.findFirstOrThrow({ where: { doctorId: doctor.id }, include: { type: true } }),
  );
  expect(stored.type?.name).toBe(typeName);
  expect((stored.endsAt.getTime() - stored.startsAt.getTime()) / 60_000).toBe(45);
});
