import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { formatClinicDate, isDateOrder } from "@/lib/clinic/clock-input";
import { localDateOf } from "@/lib/clinic/time";
import { isoDayPlus } from "@/lib/validations/letters";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

const clinicUrl = clinicOrigin("maple");
const PASSWORD = "clinical-letters-e2e-password";

test("a doctor writes a sick note and a referral letter from a visit, filled from the templates, and both are listed with Print links", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const { visitId, today, dateOrder } = await withClinicDb("maple", async (db) => {
    const settings = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `letters-${run}@maple.test`,
        name: `Dr Inkwell ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    const patient = await db.patient.create({
      data: {
        firstName: "Léa",
        lastName: `Letters${run}`,
        dateOfBirth: new Date("1979-04-23"),
        address: "3 Quay Street, Bristol BS1 4DB",
      },
    });
    await db.diagnosis.create({
      data: {
        patientId: patient.id,
        codeSystem: "ICD-10-CM FY2026",
        code: "I10",
        title: "Essential (primary) hypertension",
        onProblemList: true,
        onset: "2023",
        recordedById: doctor.id,
      },
    });
    await db.allergy.create({
      data: {
        patientId: patient.id,
        substance: "Penicillin",
        category: "DRUG",
        reactions: [{ manifestation: "Hives", severity: "MODERATE" }],
        recordedById: doctor.id,
      },
    });
    const visit = await db.visit.create({
      data: {
        patientId: patient.id,
        doctorId: doctor.id,
        locationId: location.id,
        reason: "Chest tightness",
      },
    });
    return {
      visitId: visit.id,
      today: localDateOf(new Date(), settings.timezone),
      dateOrder: isDateOrder(settings.dateOrder) ? settings.dateOrder : "DMY",
    };
  });
  const date = (iso: string) => formatClinicDate(iso, dateOrder);

  await signIn(page, clinicUrl, { email: `letters-${run}@maple.test`, password: PASSWORD });
  await page.goto(`${clinicUrl}/visits/${visitId}`);
  const panel = page.getByRole("list", { name: "Letters from this visit" });
  await expect(
    page.getByText("No sick note or referral letter from this visit yet. Write one above."),
  ).toBeVisible();

  // The sick note: "for 5 days" sets the last day; the text follows the fields as they are typed.
  await page.getByRole("button", { name: "Sick note", exact: true }).click();
  const sickNote = page.getByRole("form", { name: "Write a sick note" });
  await sickNote.getByLabel("Unfit to (last day)").fill(date(isoDayPlus(today, -1)));
  await sickNote.getByRole("button", { name: "Write sick note" }).click();
  await expect(sickNote.getByText("The last day unfit is before the first: check both dates.")).toBeVisible();
  await sickNote.getByLabel("For days").fill("5");
  await expect(sickNote.getByLabel("Unfit to (last day)")).toHaveValue(date(isoDayPlus(today, 4)));
  const text = sickNote.getByLabel("Letter text");
  await expect(text).toHaveValue(
    new RegExp(
      `not fit for work from ${date(today)} to ${date(isoDayPlus(today, 4))} inclusive \\(5 days\\)\\.`,
    ),
  );
  await sickNote.getByLabel("Condition").fill("acute bronchitis");
  await sickNote.getByLabel("Remarks").fill("may return on light duties");
  await expect(text).toHaveValue(
    /\(5 days\) because of acute bronchitis\.\n\nMay return on light duties\.\n\nDr Inkwell/,
  );
  await expect(
    sickNote.getByText("A sick note is written once: it cannot be changed afterwards."),
  ).toBeVisible();
  await screenBothWidths(page, "letters-sick-note-form");
  await sickNote.getByRole("button", { name: "Write sick note" }).click();
  await expect(page.getByText("The sick note is written.")).toBeVisible();
  await expect(sickNote).toBeHidden();
  const sickNoteLink = page.getByRole("link", { name: /^Print the sick note/ });
  await expect(sickNoteLink).toHaveAttribute("href", /^\/print\/sick-notes\/[0-9a-f-]{36}$/);
  await expect(sickNoteLink).toHaveAttribute("target", "_blank");
  await expect(page.getByText(`Unfit ${date(today)} – ${date(isoDayPlus(today, 4))}`)).toBeVisible();

  // The referral: the history comes from the record; the text is edited by hand before writing.
  await page.getByRole("button", { name: "Referral letter", exact: true }).click();
  const referral = page.getByRole("form", { name: "Write a referral letter" });
  const history = referral.getByLabel("Relevant history");
  await expect(history).toHaveValue(/Essential \(primary\) hypertension \(I10\), since 2023/);
  await expect(history).toHaveValue(/Allergies:\n- Penicillin \(moderate\)/);
  await referral.getByRole("button", { name: "Write referral" }).click();
  await expect(
    referral.getByText(
      "Write to whom: a colleague's name or a service, e.g. Cardiology clinic, City Hospital.",
    ),
  ).toBeVisible();
  await referral.getByLabel("To", { exact: true }).fill("Dr Osei, Cardiology clinic");
  await referral.getByLabel("Urgency").selectOption("URGENT");
  await referral.getByLabel("Reason for referral").fill("Chest tightness on exertion for two weeks.");
  const letter = referral.getByLabel("Letter text");
  await expect(letter).toHaveValue(/^Dear Dr Osei, Cardiology clinic,\n\nRe: Léa Letters/);
  await expect(letter).toHaveValue(/This is an urgent referral/);
  await letter.fill(
    (await letter.inputValue()).replace("Yours sincerely,", "An ECG is enclosed.\n\nYours sincerely,"),
  );
  await referral.getByLabel("Reason for referral").fill("Chest tightness on exertion for three weeks.");
  await expect(letter).toHaveValue(/two weeks\.[\s\S]*An ECG is enclosed\.\n\nYours sincerely,/);
  await expect(referral.getByRole("button", { name: "Fill from the template again" })).toBeVisible();
  await screenBothWidths(page, "letters-referral-form");
  await referral.getByRole("button", { name: "Write referral" }).click();
  await expect(page.getByText("The referral letter is written.")).toBeVisible();
  await expect(referral).toBeHidden();

  const referralLink = page.getByRole("link", { name: /^Print the referral letter: To Dr Osei/ });
  await expect(referralLink).toHaveAttribute("href", /^\/print\/referral-letters\/[0-9a-f-]{36}$/);
  await expect(referralLink).toHaveAttribute("target", "_blank");
  // Written, not just shown: both are there after a reload.
  await page.reload();
  await expect(panel.getByText("Sick note", { exact: true })).toBeVisible();
  await expect(panel.getByText("Referral", { exact: true })).toBeVisible();
  await screenBothWidths(page, "letters-visit-panel");

  const stored = await withClinicDb("maple", (db) =>
    db.referralLetter.findFirstOrThrow({ where: { visitId }, select: { body: true } }),
  );
  expect(stored.body).toContain("two weeks.");
  expect(stored.body).toContain("An ECG is enclosed.\n\nYours sincerely,");
});
