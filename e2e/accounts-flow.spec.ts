import { expect, type Page, test } from "@playwright/test";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { signIn } from "./support/sign-in";

// The whole chain of people, in one browser: a super admin creates a clinic admin, who creates a
// clinic, opens it without a second password, adds a receptionist, who signs in on its host.
const root = ROOT_ORIGIN;
const clinic = clinicOrigin("dawn");

async function changeTemporaryPassword(page: Page, origin: string, temporary: string, chosen: string) {
  await expect(page).toHaveURL(`${origin}/account/password`);
  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(`${origin}/login`);
}

test("super admin → clinic admin → clinic Dawn → Open clinic → receptionist signs in on dawn.localhost", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A super admin of this test's own: it signs out below.
  await signIn(page, root, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Skye Super" }));
  await expect(page).toHaveURL(`${root}/super`);
  await page
    .getByRole("navigation", { name: "Super admin" })
    .getByRole("link", { name: "Clinic admins" })
    .click();
  await page.getByRole("button", { name: "New clinic admin" }).click();
  const form = page.getByRole("dialog", { name: "New clinic admin" });
  await form.getByLabel("Name").fill("Dana Owner");
  await form.getByLabel("Email").fill("dana.owner@clinics.test");
  await form.getByRole("button", { name: "Create clinic admin" }).click();
  const adminPassword = await page
    .getByRole("dialog", { name: "Temporary password" })
    .getByLabel("Temporary password")
    .inputValue();
  await page
    .getByRole("dialog", { name: "Temporary password" })
    .getByRole("button", { name: "Done" })
    .click();
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, root, { email: "dana.owner@clinics.test", password: adminPassword });
  await changeTemporaryPassword(page, root, adminPassword, "dana-owner-password");
  await signIn(page, root, { email: "dana.owner@clinics.test", password: "dana-owner-password" });
  await expect(page).toHaveURL(`${root}/admin`);

  await page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: "Create clinic" })
    .click();
  await page.getByLabel("Clinic name").fill("Dawn Clinic");
  await page.getByLabel("Subdomain").fill("dawn");
  await expect(page.getByText("“dawn” is available.")).toBeVisible();
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByRole("heading", { name: "Dawn Clinic is ready" })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Open clinic" }).click();
  await expect(page).toHaveURL(`${clinic}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Dana" })).toBeVisible();

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "Add staff member" }).click();
  const staffForm = page.getByRole("dialog", { name: "Add a staff member" });
  await staffForm.getByLabel("Name").fill("Remy Reception");
  await staffForm.getByLabel("Email").fill("remy@dawn.test");
  await staffForm.getByLabel("Role").selectOption("RECEPTIONIST");
  await staffForm.getByRole("button", { name: "Add staff member" }).click();
  const added = page.getByRole("dialog", { name: "Staff member added" });
  const receptionistPassword = await added.getByLabel("Temporary password").inputValue();
  await added.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  await signIn(page, clinic, { email: "remy@dawn.test", password: receptionistPassword });
  await changeTemporaryPassword(page, clinic, receptionistPassword, "remy-reception-password");
  await signIn(page, clinic, { email: "remy@dawn.test", password: "remy-reception-password" });
  await expect(page).toHaveURL(`${clinic}/dashboard`);
  await expect(page.getByText("You are signed in to Dawn Clinic as")).toBeVisible();
  await expect(page.getByText("as Receptionist")).toBeVisible();
});
