import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { MAPLE_RECEPTIONIST, savedSessionFile } from "./support/saved-sessions";
import { signIn } from "./support/sign-in";

// Each demo role signs in once per run; the specs start from these states instead of the sign-in form.
const maple = clinicOrigin("maple");

setup("the super admin", async ({ page }) => {
  await signIn(page, ROOT_ORIGIN, DEMO_ACCOUNTS.superAdmin);
  await expect(page).toHaveURL(`${ROOT_ORIGIN}/super`);
  await page.context().storageState({ path: savedSessionFile("super-admin") });
});

setup("the demo clinic admin, and through Open clinic maple's owner", async ({ page }) => {
  await signIn(page, ROOT_ORIGIN, DEMO_ACCOUNTS.clinicAdmin);
  await expect(page).toHaveURL(`${ROOT_ORIGIN}/admin`);
  await page
    .getByRole("row", { name: /Maple Family Clinic/ })
    .getByRole("button", { name: "Open clinic" })
    .click();
  // The first visit to a clinic opens its database, which can outlast an expect's 5 s on a busy machine.
  await page.waitForURL(`${maple}/dashboard`);
  await page.context().storageState({ path: savedSessionFile("clinic-admin") });
});

setup("maple's receptionist", async ({ page }) => {
  await signIn(page, maple, MAPLE_RECEPTIONIST);
  await expect(page).toHaveURL(`${maple}/dashboard`);
  await page.context().storageState({ path: savedSessionFile("maple-receptionist") });
});
