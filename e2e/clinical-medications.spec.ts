import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { createSignedPrescription } from "@/lib/testing/signed-prescriptions";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 13's medication list: a nurse records what the patient takes; the doctor stops one and re-prescribes another.
const clinicUrl = clinicOrigin("maple");
const PASSWORD = "clinical-medications-e2e-password";
const DAY = 86_400_000;

async function signedIn(browser: Browser, email: string, password = DEMO_STAFF_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, clinicUrl, { email, password });
  return page;
}

test("a nurse records a reported medication; the doctor stops one with a reason and re-prescribes another into a new draft", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  // A doctor and patient of the test's own, with a current prescription and one from last month.
  const { patientId, doctorName, doctorEmail } = await withClinicDb("maple", async (db) => {
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: {
        email: `meds-${run}@maple.test`,
        name: `Dr Rowan ${run}`,
        role: "DOCTOR",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    await db.doctorProfile.create({ data: { staffId: doctor.id } });
    const patient = await db.patient.create({
      data: { firstName: "Mo", lastName: `Meds${run}`, dateOfBirth: new Date("1962-08-14") },
    });
    const signed = { patientId: patient.id, prescriberId: doctor.id, locationId: location.id };
    await createSignedPrescription(db, {
      ...signed,
      signedAt: new Date(Date.now() - 30 * DAY),
      lines: [
        {
          medicationName: "Ibuprofen",
          strength: "400 mg",
          doseForm: "tablet",
          doseUnit: "tablet",
          durationValue: 5,
          quantity: "15",
          quantityUnit: "tablets",
          instructions: "Take with food.",
        },
      ],
    });
    await createSignedPrescription(db, {
      ...signed,
      signedAt: new Date(Date.now() - 2 * DAY),
      lines: [
        {},
        {
          medicationName: "Atorvastatin",
          strength: "20 mg",
          doseForm: "tablet",
          doseUnit: "tablet",
          frequency: "AT_NIGHT",
          durationValue: null,
          durationUnit: null,
          quantity: "28",
          quantityUnit: "tablets",
          refills: 5,
          instructions: null,
        },
      ],
    });
    return { patientId: patient.id, doctorName: doctor.name, doctorEmail: doctor.email };
  });
  const medicationsUrl = `${clinicUrl}/patients/${patientId}/medications`;

  // The nurse records what the patient says they take; she cannot prescribe.
  const nurse = await signedIn(browser, "nurse@maple.test");
  await nurse.goto(medicationsUrl);
  await expect(nurse.getByRole("heading", { name: "Current medications" })).toBeVisible();
  await expect(nurse.getByRole("button", { name: /^Re-prescribe/ })).toHaveCount(0);
  await nurse.getByRole("button", { name: "Record a medication the patient takes" }).click();
  const form = nurse.getByRole("form", { name: "Record a medication the patient takes" });
  await form.getByLabel("Medicine").fill("Omeprazole");
  await form.getByLabel("Dose (optional)").fill("20 mg");
  await form.getByLabel("How often (optional)").fill("once a day");
  await form.getByLabel("Since (optional)").fill("2024-03");
  await form.getByRole("button", { name: "Record medication" }).click();
  await expect(nurse.getByText("The medication is recorded.")).toBeVisible();
  const reported = nurse.getByRole("list", { name: "Medications the patient reports taking" });
  await expect(reported).toContainText("Omeprazole");
  await expect(reported).toContainText("20 mg · once a day · since 2024-03");

  // The doctor sees both kinds, and last month's course completed by itself.
  const doctor = await signedIn(browser, doctorEmail, PASSWORD);
  await doctor.goto(medicationsUrl);
  const prescribed = doctor.getByRole("list", { name: "Prescribed medications" });
  await expect(prescribed).toContainText("Amoxicillin 500 mg capsule");
  await expect(prescribed).toContainText("Take 1 capsule by mouth three times a day for 7 days");
  await expect(prescribed).toContainText(`by ${doctorName}`);
  await expect(prescribed.getByRole("link", { name: /^RX-\d{6}$/ }).first()).toBeVisible();
  await expect(prescribed).toContainText("ongoing");
  await screenBothWidths(doctor, "medications-current");

  await doctor.getByRole("button", { name: "Stop Atorvastatin 20 mg tablet" }).click();
  await doctor.getByRole("button", { name: "Stop medication" }).click();
  await expect(doctor.getByText(/^Say why/)).toBeVisible();
  await doctor.getByLabel("Reason").fill("Muscle aches");
  await doctor.getByRole("button", { name: "Stop medication" }).click();
  await expect(doctor.getByText("Atorvastatin 20 mg tablet is stopped.")).toBeVisible();
  await expect(prescribed).not.toContainText("Atorvastatin");

  await doctor.getByText(/Past medications \(2\)/).click();
  const past = doctor.getByRole("list", { name: "Past prescribed medications" });
  await expect(past).toContainText(`Stopped on`);
  await expect(past).toContainText(`by ${doctorName}: Muscle aches`);
  await expect(past).toContainText("Completed automatically on");
  await screenBothWidths(doctor, "medications-past");

  // Re-prescribing opens a new draft with the same line; the original stays as it was.
  await doctor.getByRole("button", { name: "Re-prescribe Amoxicillin 500 mg capsule" }).click();
  await expect(doctor).toHaveURL(/\/prescriptions\/[0-9a-f-]{36}$/);
  const draftId = doctor.url().split("/").at(-1) as string;
  const draft = await withClinicDb("maple", (db) =>
    db.prescription.findUniqueOrThrow({ where: { id: draftId }, include: { lines: true } }),
  );
  expect(draft).toMatchObject({ status: "DRAFT", patientId, visitId: null });
  expect(draft.lines).toMatchObject([
    {
      medicationName: "Amoxicillin",
      strength: "500 mg",
      doseAmount: "1",
      frequency: "THREE_TIMES_DAILY",
      durationValue: 7,
      quantity: "21",
      status: "DRAFT",
    },
  ]);
  await doctor.goto(medicationsUrl);
  await expect(prescribed).toContainText("Amoxicillin 500 mg capsule");

  // The signed prescriptions are on the patient's timeline too; the new draft is not.
  await doctor.goto(`${clinicUrl}/patients/${patientId}/timeline`);
  const entries = doctor.getByRole("list", { name: "Timeline entries" }).getByRole("listitem");
  await expect(entries.filter({ hasText: /^.*Prescription/ })).toHaveCount(2);
  await expect(entries.first()).toContainText("Amoxicillin, Atorvastatin");
  await expect(entries.first()).toContainText(`Prescribed by ${doctorName}`);
  await screenBothWidths(doctor, "medications-timeline");
});
