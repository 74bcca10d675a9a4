import { expect, type Page, test } from "@playwright/test";
import { setClinicAdminsMayBackup } from "@/lib/backups/console-access";
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

// The second test copies a backup the first one took (and verified) of the same clinic.
test.describe.configure({ timeout: 180_000, mode: "serial" });

const clinicIdOf = (subdomain: string) =>
  withCentralDb(async (central) => (await central.clinic.findUniqueOrThrow({ where: { subdomain } })).id);

test("the super admin backs a clinic up, a patient is changed, the restore puts the patient back", async ({
  page,
}) => {
  await provisionOwnClinic(CLINIC);
  const patient = await withClinicDb(CLINIC.subdomain, (db) =>
    db.patient.create({
      data: { firstName: "Rosa", lastName: "Before", dateOfBirth: new Date("1980-04-05") },
    }),
  );
  const clinicId = await clinicIdOf(CLINIC.subdomain);

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

  await expect(page.getByText(/Restored\. The clinic paused for ([1-9]\d* ms|[1-9]\d*\.\d s)\./)).toBeVisible(
    {
      timeout: 90_000,
    },
  );
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

test("the super admin restores a backup as a new clinic: the copy gets its own address and is listed", async ({
  page,
}) => {
  const copy = { subdomain: `${CLINIC.subdomain}-copy`, name: `${CLINIC.name} (copy)` };
  await signIn(page, ROOT_ORIGIN, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Cory Copy" }));
  await page.goto(`/super/backups/${await clinicIdOf(CLINIC.subdomain)}`);
  await page.getByRole("button", { name: "Restore as a new clinic…" }).first().click();
  const dialog = page.getByRole("dialog", { name: `Restore ${CLINIC.name} as a new clinic` });
  await expect(dialog.getByText(/is not changed/)).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue(copy.name);

  // A taken subdomain is refused on its field, before anything is made.
  await dialog.getByLabel("New subdomain").fill(CLINIC.subdomain);
  await dialog.getByRole("button", { name: "Restore as a new clinic" }).click();
  await expect(dialog.getByText("This subdomain is already taken.")).toBeVisible();

  await dialog.getByLabel("New subdomain").fill(copy.subdomain);
  await screenBothWidths(page, "backups-restore-into-dialog");
  await dialog.getByRole("button", { name: "Restore as a new clinic" }).click();
  await expect(
    dialog.getByText(`Restored as the new clinic ${copy.name} at ${copy.subdomain}, verified`),
  ).toBeVisible({
    timeout: 90_000,
  });
  await expectStepsDone(page, ["Creating the new clinic's own database login", "Opening the new clinic"]);
  await expect(dialog.getByRole("link", { name: `Open ${copy.subdomain}` })).toHaveAttribute(
    "href",
    new RegExp(`^http://${copy.subdomain}\\.`),
  );
  await screenBothWidths(page, "backups-restore-into-done");

  await dialog.getByRole("link", { name: "The copy's backups" }).click();
  await expect(page.getByRole("heading", { name: `Backups of ${copy.name}` })).toBeVisible();
  await page.goto("/super/backups");
  await expect(page.getByRole("row", { name: new RegExp(copy.name.replace(/[()]/g, "\\$&")) })).toBeVisible();
  const patients = await withClinicDb(copy.subdomain, (db) =>
    db.patient.count({ where: { firstName: "Rosa" } }),
  );
  expect(patients).toBe(1);
});

test("without point-in-time restore on the clinic's server, both backups pages say so in plain words", async ({
  page,
  browser,
}) => {
  const clinicId = await clinicIdOf(CLINIC.subdomain);
  const notSetUp = "Point-in-time restore is not set up for this clinic's server";
  await signIn(page, ROOT_ORIGIN, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Pia Moment" }));
  await page.goto(`/super/backups/${clinicId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Restore to a moment" })).toBeVisible();
  await expect(page.getByText(notSetUp)).toBeVisible();
  await expect(
    page.getByText(/To set it up, run on the server's machine: npm run pitr:setup -- \S+ --repo/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore to a moment…" })).toHaveCount(0);
  await screenBothWidths(page, "backups-moment-not-set-up");

  // The clinic's owner sees the same sentence on their backups page, and nothing about the server.
  const owner = await createPlatformAccount({
    role: "CLINIC_ADMIN",
    name: "Otto Owner",
    coAdminOf: CLINIC.subdomain,
  });
  const setting = (allowed: boolean) =>
    withCentralDb(async (central) => {
      const admin = await central.user.findFirstOrThrow({ where: { role: "SUPER_ADMIN" } });
      await setClinicAdminsMayBackup(central, allowed, admin.id);
    });
  await setting(true);
  const context = await browser.newContext();
  try {
    const ownerPage = await context.newPage();
    await signIn(ownerPage, ROOT_ORIGIN, owner);
    await ownerPage.goto(`${ROOT_ORIGIN}/admin/clinics/${clinicId}/backups`);
    await expect(ownerPage.getByRole("heading", { level: 2, name: "Restore to a moment" })).toBeVisible();
    await expect(ownerPage.getByText(notSetUp)).toBeVisible();
    await expect(ownerPage.getByText(/pitr:setup/)).toHaveCount(0);
    await expect(ownerPage.getByRole("button", { name: "Restore to a moment…" })).toHaveCount(0);
    await screenBothWidths(ownerPage, "admin-backups-moment-not-set-up");
  } finally {
    await context.close();
    await setting(false);
  }
});
