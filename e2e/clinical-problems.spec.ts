import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");

test("a doctor records an allergy (the banner shows it), adds a problem from the ICD-10-CM search and resolves one", async ({
  page,
}) => {
  const run = randomBytes(3).toString("hex");
  const patient = await withClinicDb("maple", (db) =>
    db.patient.create({
      data: { firstName: "Grace", lastName: `Problems-${run}`, dateOfBirth: new Date("1972-06-15") },
    }),
  );
  await signIn(page, clinicUrl, { email: "doctor1@maple.test", password: DEMO_STAFF_PASSWORD });

  await page.goto(`${clinicUrl}/patients/${patient.id}/problems`);
  await expect(page.getByRole("heading", { level: 2, name: "Allergies and intolerances" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Allergies not yet recorded.");

  // An allergy with a bad onset is refused in place; corrected, it is recorded.
  await page.getByRole("button", { name: "Record allergy" }).click();
  const form = page.getByRole("form", { name: "Record an allergy" });
  await form.getByLabel("Substance").fill("Penicillin");
  await form.getByRole("textbox", { name: "Reaction 1" }).fill("Hives");
  await form.getByLabel("Severity").selectOption("SEVERE");
  await form.getByLabel("Verification").selectOption("CONFIRMED");
  await form.getByLabel("Onset (optional)").fill("2019-13");
  await form.getByRole("button", { name: "Record allergy" }).click();
  await expect(form.getByText("The onset must be a real date between 1900 and today.")).toBeVisible();
  await form.getByLabel("Onset (optional)").fill("2019-04");
  await form.getByRole("button", { name: "Record allergy" }).click();
  await expect(page.getByText("The allergy is recorded.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Penicillin (severe)");

  // The ICD-10-CM search, by keyboard: words of the title, arrow down, Enter.
  const search = page.getByRole("combobox", { name: "Problem (ICD-10-CM)" });
  await search.fill("asthma unc");
  await expect(
    page.getByRole("option", { name: /J45\.909\s*Unspecified asthma, uncomplicated/ }),
  ).toBeVisible();
  await screenBothWidths(page, "problems-search");
  await search.press("ArrowDown");
  await search.press("ArrowDown");
  await search.press("ArrowDown");
  await search.press("Enter");
  await page.getByRole("button", { name: "Add to problem list" }).click();
  await expect(page.getByText("J45.909 is on the problem list.")).toBeVisible();

  // A code that fits the structure but is not listed: flagged, with the doctor's title.
  await search.fill("c4a.0");
  await page.getByRole("option", { name: /C4A\.0\s*Use this code\s*not in the list/ }).click();
  await page.getByLabel("What this code means").fill("Merkel cell carcinoma of lip");
  await page.getByRole("button", { name: "Add to problem list" }).click();
  await expect(page.getByText("C4A.0 is on the problem list.")).toBeVisible();

  const problems = page.getByRole("list", { name: "Problem list" });
  await expect(problems.getByRole("listitem")).toHaveCount(2);
  await expect(problems.getByRole("listitem").filter({ hasText: "C4A.0" })).toContainText("not in the list");

  await page.getByRole("button", { name: "Resolve J45.909" }).click();
  await page
    .getByRole("dialog", { name: "Resolve J45.909" })
    .getByRole("button", { name: "Mark resolved" })
    .click();
  await expect(page.getByText("J45.909 is resolved.")).toBeVisible();
  await expect(problems.getByRole("listitem").last()).toContainText("Resolved");
  await expect(problems.getByRole("listitem").first()).toContainText("C4A.0");
  await screenBothWidths(page, "problems");

  // The banner is on every page of the patient: the overview too.
  await page.goto(`${clinicUrl}/patients/${patient.id}`);
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Penicillin (severe)");
  await screenBothWidths(page, "overview-banner");
});
