import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { pdfText } from "@/lib/testing/pdf-text";
import { printableRowsOf } from "@/lib/testing/printable-rows";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 13 at the front desk: a receptionist prints a signed prescription and a visit summary at
// check-out, a reprint comes out marked COPY, and a cancelled prescription cannot be printed.
const clinicUrl = clinicOrigin("maple");

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, clinicUrl, { email, password: DEMO_STAFF_PASSWORD });
  return page;
}

/** Fetches a print link from the page (its cookies, its host), as opening it in a new tab does. */
async function printedText(page: Page, href: string) {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition") ?? "",
      bytes: [...new Uint8Array(await response.arrayBuffer())],
    };
  }, href);
  expect(answer.status).toBe(200);
  expect(answer.type).toBe("application/pdf");
  return { text: pdfText(Uint8Array.from(answer.bytes)), disposition: answer.disposition };
}

test("a receptionist prints a signed prescription, then a copy, and a visit summary; a cancelled one is refused", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const reason = `Wheeze at night ${run}`;
  const { patientId, visitId, number, cancelledNumber } = await withClinicDb("maple", async (db) => {
    const rows = printableRowsOf(db);
    const [patient, doctor, location] = await Promise.all([rows.patient(), rows.doctor(), rows.location()]);
    const visit = await db.visit.create({
      data: { patientId: patient.id, doctorId: doctor.id, locationId: location.id, reason },
    });
    await db.clinicalNote.create({
      data: {
        visitId: visit.id,
        patientId: patient.id,
        authorId: doctor.id,
        kind: "SOAP",
        status: "SIGNED",
        signedAt: new Date(),
        plan: "Reliever inhaler when wheezy; come back in a week.",
      },
    });
    const ids = { patientId: patient.id, prescriberId: doctor.id, locationId: location.id };
    const cancelled = await rows.prescription({ ...ids, status: "CANCELLED" });
    const signed = await rows.prescription({ ...ids, visitId: visit.id });
    const letters = { patientId: patient.id, authorId: doctor.id, locationId: location.id };
    await rows.sickNote(letters);
    await rows.referralLetter(letters);
    return {
      patientId: patient.id,
      visitId: visit.id,
      number: signed.number as string,
      cancelledNumber: cancelled.number as string,
    };
  });

  const desk = await signedIn(browser, "receptionist@maple.test");
  await desk.goto(`${clinicUrl}/patients/${patientId}`);
  await desk.getByRole("link", { name: "Print", exact: true }).click();
  await expect(desk.getByRole("heading", { name: "Prescriptions" })).toBeVisible();
  const item = desk.getByRole("listitem").filter({ hasText: number });
  await expect(item.getByText("Signed", { exact: true })).toBeVisible();
  const cancelled = desk.getByRole("listitem").filter({ hasText: cancelledNumber });
  await expect(cancelled.getByText("Cannot be printed.")).toBeVisible();
  await expect(cancelled.getByRole("link")).toHaveCount(0);
  await screenBothWidths(desk, "printing-tab");

  const printLink = item.getByRole("link", { name: `Print prescription ${number}` });
  await expect(printLink).toHaveAttribute("target", "_blank");
  const first = await printedText(desk, (await printLink.getAttribute("href")) as string);
  expect(first.disposition).toBe(`inline; filename="${number}.pdf"`);
  for (const shown of [
    "Zoë Ångström-Núñez",
    "4 Rue de la Paix, Flat 2",
    number,
    "Amoxicillin 250 mg/5 ml oral suspension",
    "Take 5 ml by mouth three times a day for 7 days",
  ])
    expect(first.text).toContain(shown);
  expect(first.text).toMatch(/RX-\d{6}/);
  expect(first.text).not.toContain("COPY");

  await desk.reload();
  const copyLink = item.getByRole("link", { name: `Print a copy of prescription ${number}` });
  await expect(item.getByText(/^Printed once, last /)).toBeVisible();
  const second = await printedText(desk, (await copyLink.getAttribute("href")) as string);
  expect(second.text).toContain("COPY");
  expect(second.text).toContain("Copy printed");

  const summaryLink = desk.getByRole("link", { name: /^Print the summary of the visit on / });
  const summary = await printedText(desk, (await summaryLink.getAttribute("href")) as string);
  for (const shown of ["Visit summary", "Zoë Ångström-Núñez", reason, "Reliever inhaler when wheezy", number])
    expect(summary.text).toContain(shown);
  await desk.reload();
  await expect(desk.getByText(/^Printed 2 times, last /)).toBeVisible();
  await expect(desk.getByRole("heading", { name: "Sick notes and referral letters" })).toHaveCount(0);
  await screenBothWidths(desk, "printing-tab-printed");

  const refused = await desk.evaluate(
    async (url) => (await fetch(url)).status,
    `/print/sick-notes/${patientId}`,
  );
  expect(refused).toBe(403);

  // A doctor prints the visit's summary from the visit, and the patient's letters from the Print tab.
  const doctor = await signedIn(browser, "doctor1@maple.test");
  await doctor.goto(`${clinicUrl}/visits/${visitId}`);
  const fromVisit = doctor.getByRole("link", { name: "Print visit summary" });
  await expect(fromVisit).toHaveAttribute("href", `/print/visits/${visitId}`);
  await expect(fromVisit).toHaveAttribute("target", "_blank");
  await doctor.goto(`${clinicUrl}/patients/${patientId}/print`);
  await expect(doctor.getByRole("heading", { name: "Sick notes and referral letters" })).toBeVisible();
  const sickNote = doctor.getByRole("link", { name: /^Print the sick note written / });
  const note = await printedText(doctor, (await sickNote.getAttribute("href")) as string);
  expect(note.text).toContain("Statement of fitness for work");
  expect(note.text).toContain("Zoë Ångström-Núñez");
  const referral = doctor.getByRole("link", { name: /^Print the referral letter written / });
  const letter = await printedText(doctor, (await referral.getAttribute("href")) as string);
  expect(letter.text).toContain("Re: Zoë Ångström-Núñez, born 05/05/2019");
  await doctor.reload();
  await screenBothWidths(doctor, "printing-tab-doctor");
});

test("the clinic's manager chooses the country's prescription rules and the paper size in the settings", async ({
  browser,
}) => {
  const manager = await signedIn(browser, "manager@maple.test");
  await manager.goto(`${clinicUrl}/settings`);
  const rules = manager.getByLabel("Prescription rules");
  await expect(rules.locator("option")).toHaveText([
    "Generic",
    "United Kingdom (private prescription)",
    "United States (non-controlled)",
  ]);
  await expect(manager.getByLabel("Paper size").locator("option")).toHaveText([
    "A4 (210 × 297 mm)",
    "US Letter (8.5 × 11 in)",
  ]);
  await screenBothWidths(manager, "printing-settings");
});
