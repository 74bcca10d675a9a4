import { mkdir } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { findTimeline } from "@/lib/clinical/timeline";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { SCREENS_DIR } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const SHOTS = SCREENS_DIR;

/** A demo patient with a history over months and more than one page of timeline. */
async function demoPatientWithHistory() {
  return withClinicDb("maple", async (db) => {
    const busiest = await db.vitalSigns.groupBy({
      by: ["patientId"],
      _count: { _all: true },
      orderBy: { _count: { patientId: "desc" } },
      take: 20,
    });
    for (const { patientId } of busiest) {
      const page = await findTimeline({ db, patientId, includeClinicalDocuments: true });
      if (!page.next) continue;
      const visits = await db.visit.findMany({ where: { patientId }, select: { reason: true } });
      return { id: patientId, reasons: [...new Set(visits.map((visit) => visit.reason))] };
    }
    throw new Error("no demo patient has more than one page of timeline");
  });
}

async function signedIn(browser: Browser, role: "doctor1" | "billing", width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, clinicUrl, { email: `${role}@maple.test`, password: DEMO_STAFF_PASSWORD });
  return page;
}

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

test("a doctor reads a patient's timeline newest first, filters it by kind, pages to older entries, and the read is audited", async ({
  browser,
}) => {
  const patient = await demoPatientWithHistory();
  const page = await signedIn(browser, "doctor1", 1280);
  const before = await withClinicDb("maple", (db) =>
    db.auditEvent.count({ where: { action: "chart.read", targetId: patient.id } }),
  );
  await page.goto(`${clinicUrl}/patients/${patient.id}/timeline`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const entries = page.getByRole("list", { name: "Timeline entries" }).getByRole("listitem");
  await expect(entries.first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Open visit" }).first()).toHaveAttribute("href", /^\/visits\//);
  await page.screenshot({ path: `${SHOTS}/timeline-desktop.png`, fullPage: true });

  await page
    .getByRole("navigation", { name: "Show one kind of entry" })
    .getByRole("link", { name: "Vitals" })
    .click();
  await expect(page).toHaveURL(/kind=vitals/);
  await expect(entries.first()).toContainText("BP");
  await expect(entries.filter({ hasNotText: "Vitals" })).toHaveCount(0);

  await page
    .getByRole("navigation", { name: "Show one kind of entry" })
    .getByRole("link", { name: "Everything" })
    .click();
  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(entries.first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Newest" })).toBeVisible();

  const after = await withClinicDb("maple", (db) =>
    db.auditEvent.findMany({
      where: { action: "chart.read", targetId: patient.id },
      select: { details: true },
    }),
  );
  expect(after.length).toBeGreaterThanOrEqual(before + 3);
  expect(after.map((event) => event.details)).toContainEqual({ what: "timeline" });
  await page.context().close();

  const phone = await signedIn(browser, "doctor1", 390);
  await phone.goto(`${clinicUrl}/patients/${patient.id}/timeline`);
  await expect(phone.getByRole("heading", { name: "Timeline" })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: `${SHOTS}/timeline-390.png`, fullPage: true });
  await phone.context().close();
});

test("the visits list shows a doctor the reason and notes, and billing only dates, doctors and codes", async ({
  browser,
}) => {
  const patient = await demoPatientWithHistory();
  for (const width of [1280, 390]) {
    const doctor = await signedIn(browser, "doctor1", width);
    await doctor.goto(`${clinicUrl}/patients/${patient.id}/visits`);
    const table = doctor.getByRole("table", { name: "Visits, newest first" });
    await expect(table).toContainText(patient.reasons[0] ?? "");
    if (width === 1280) await expect(table.getByRole("columnheader", { name: "Reason" })).toBeVisible();
    await expect(table).toContainText("signed");
    await doctor.screenshot({
      path: `${SHOTS}/visits-doctor-${width === 1280 ? "desktop" : "390"}.png`,
      fullPage: true,
    });
    await doctor.context().close();
  }

  const billing = await signedIn(browser, "billing", 1280);
  await billing.goto(`${clinicUrl}/patients/${patient.id}/visits`);
  const table = billing.getByRole("table", { name: "Visits, newest first" });
  await expect(table).toBeVisible();
  await expect(table).toContainText(/[A-Z]\d{2}/);
  await expect(table.getByRole("columnheader", { name: "Reason" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Notes" })).toHaveCount(0);
  const html = await billing.content();
  for (const reason of patient.reasons) expect(html).not.toContain(reason);
  await billing.screenshot({ path: `${SHOTS}/visits-billing-desktop.png`, fullPage: true });
  // The timeline is the chart's: billing is refused.
  const refused = await billing.goto(`${clinicUrl}/patients/${patient.id}/timeline`);
  expect(refused?.status()).toBe(403);
  await billing.context().close();
});
