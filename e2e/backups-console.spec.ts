import { expect, type Page, test } from "@playwright/test";
import { withCentralDb, withClinicDb } from "./support/central-db";
import { ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { provisionOwnClinic } from "./support/own-clinics";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// A clinic of this spec's own: restoring suspends it for a moment, which must not touch the demo clinics.
const CLINIC = { subdomain: "vault", name: "Vault Clinic" };

const RESTORE_STEPS = [
  "Checking the backup file is intact",
  "Decrypting and verifying every chunk",
  "Creating a fresh database beside the live one",
  "Loading the backup into it",
  "Comparing every table with the backup's fingerprint",
  "Bringing it up to the current schema",
  "Locking it to the clinic alone",
  "Swapping it in (the clinic pauses briefly)",
];

async function expectStepsDone(page: Page, steps: string[]) {
  for (const step of steps)
    await expect(page.getByRole("listitem").filter({ hasText: `${step} (done)` })).toBeVisible();
}

test.describe.configure({ timeout: 180_000 });

test("the super admin backs a clinic up, a patient is changed, the restore puts the patient back", async ({
  page,
}) => {
  await provisionOwnClinic(CLINIC);
  const patient = await withClinicDb(CLINIC.subdomain, (db) =>
    db.patient.create({
      data: { firstName: "Rosa", lastName: "Before", dateOfBirth: new Date("1980-04-05") },
    }),
  );
  const clinicId = await withCentralDb(
    async (central) =>
      (await central.clinic.findUniqueOrThrow({ where: { subdomain: CLINIC.subdomain } })).id,
  );

  await signIn(page, ROOT_ORIGIN, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Bea Backup" }));
  await page.goto("/super/backups");
  const row = page.getByRole("row", { name: new RegExp(CLINIC.name) });
  await expect(row.getByText("never verified")).toBeVisible();
  await row.getByRole("button", { name: "Back up now" }).click();
  await expect(row.getByText(/Backed up \(.+, encrypted\)/)).toBeVisible({ timeout: 60_000 });
  await expectStepsDone(page, ["Writing the encrypted backup file"]);
  await screenBothWidths(page, "backups-overview");

  await withClinicDb(CLINIC.subdomain, (db) =>
    db.patient.update({ where: { id: patient.id }, data: { lastName: "After" } }),
  );

  await page.goto(`/super/backups/${clinicId}`);
  await expect(page.getByRole("heading", { name: `Backups of ${CLINIC.name}` })).toBeVisible();
  await screenBothWidths(page, "backups-clinic-list");
  await page.getByRole("button", { name: "Restore…" }).first().click();
  const dialog = page.getByRole("dialog", { name: `Restore ${CLINIC.name}?` });
  await expect(dialog.getByText("briefly suspended")).toBeVisible();
  await expect(dialog.getByText(/kept aside for \d+ hours as an undo/)).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Restore this backup" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type vault to confirm/).fill(CLINIC.subdomain);
  await screenBothWidths(page, "backups-restore-dialog");
  await confirm.click();

  await expect(page.getByText(/Restored\. The clinic paused for [\d.]+ s\./)).toBeVisible({
    timeout: 90_000,
  });
  await expectStepsDone(page, RESTORE_STEPS);
  await screenBothWidths(page, "backups-restored");
  const restored = await withClinicDb(CLINIC.subdomain, (db) =>
    db.patient.findUniqueOrThrow({ where: { id: patient.id } }),
  );
  expect(restored.lastName).toBe("Before");

  // The restore verified the backup: the overview says so now.
  await page.goto("/super/backups");
  await expect(
    page.getByRole("row", { name: new RegExp(CLINIC.name) }).getByText("under an hour ago"),
  ).toBeVisible();
});
