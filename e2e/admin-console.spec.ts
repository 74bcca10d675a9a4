import { expect, test } from "@playwright/test";
import { withCentralDb } from "./support/central-db";
import { E2E_PORT, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { savedSessionFile } from "./support/saved-sessions";
import { signIn } from "./support/sign-in";

test.describe("clinic-admin console", () => {
  test("creates a clinic with live progress, opens it, suspends, resumes and deletes it", async ({
    page,
  }) => {
    // A clinic admin of this test's own, who signs out at the end; like the demo one, it runs maple.
    const admin = await createPlatformAccount({
      role: "CLINIC_ADMIN",
      name: "Casey Console",
      coAdminOf: "maple",
    });
    await signIn(page, ROOT_ORIGIN, admin);
    await page.waitForURL("**/admin");
    await expect(page.getByRole("heading", { level: 1, name: "My clinics" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Maple Family Clinic/ })).toBeVisible();

    await page.getByRole("main").getByRole("link", { name: "Create clinic" }).click();
    await page.getByLabel("Clinic name").fill("Sunrise");
    const subdomain = page.getByLabel("Subdomain");
    await subdomain.fill("maple");
    await expect(page.getByText("“maple” is already taken.")).toBeVisible();
    await subdomain.fill("Sun");
    await expect(page.getByText("Use lowercase letters only")).toBeVisible();
    await subdomain.fill("sunrise");
    await expect(page.getByText("“sunrise” is available.")).toBeVisible();
    await page.getByRole("button", { name: "Create clinic" }).click();

    const progress = page.getByRole("progressbar", { name: "Setting up Sunrise" });
    await expect(progress).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sunrise is ready" })).toBeVisible({ timeout: 60_000 });
    await expect(progress).toHaveAttribute("aria-valuenow", "100");

    // A one-time ticket posted to the new clinic's own host (never in a URL) signs the admin in as its owner.
    const ticketRequest = page.waitForRequest(`http://sunrise.localhost:${E2E_PORT}/open`);
    await page.getByRole("button", { name: "Open clinic" }).click();
    const posted = await ticketRequest;
    expect(posted.method()).toBe("POST");
    expect(posted.postData()).toMatch(/^ticket=[\w.%-]{20,}$/);
    expect(await posted.headerValue("origin")).toBe(ROOT_ORIGIN);
    await expect(page).toHaveURL(`http://sunrise.localhost:${E2E_PORT}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Casey" })).toBeVisible();
    await expect(page.getByText("You are signed in to Sunrise as")).toBeVisible();

    await page.goto("/admin");
    const row = page.getByRole("row", { name: /Sunrise/ });
    await expect(row.getByRole("link", { name: `http://sunrise.localhost:${E2E_PORT}` })).toBeVisible();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    await row.getByRole("button", { name: "Suspend" }).click();
    const suspendDialog = page.getByRole("dialog", { name: "Suspend Sunrise?" });
    await suspendDialog.getByRole("button", { name: "Suspend clinic" }).click();
    await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: "Open clinic" })).toHaveCount(0);

    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    await row.getByRole("button", { name: "Delete" }).click();
    const deleteDialog = page.getByRole("dialog", { name: "Delete Sunrise?" });
    await expect(
      deleteDialog.getByText("First the platform takes a final encrypted backup of the database."),
    ).toBeVisible();
    await expect(deleteDialog.getByText("stays reserved for 30 days")).toBeVisible();
    const confirm = deleteDialog.getByRole("button", { name: "Delete clinic" });
    await expect(confirm).toBeDisabled();
    await deleteDialog.getByLabel("Type sunrise to confirm").fill("sunris");
    await expect(confirm).toBeDisabled();
    await deleteDialog.getByLabel("Type sunrise to confirm").fill("sunrise");
    await confirm.click();

    await expect(page.getByText("Sunrise was deleted.")).toBeVisible();
    // The final backup was taken before the database went.
    const finalBackup = await withCentralDb((central) =>
      central.backup.findFirst({ where: { kind: "BEFORE_DELETE", clinic: { subdomain: "sunrise" } } }),
    );
    expect(finalBackup?.status).toBe("DONE");
    await expect(page.getByRole("row", { name: /Sunrise/ })).toHaveCount(0);
    await expect(page.getByRole("row", { name: /Maple Family Clinic/ })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("lets only clinic admins in: visitors go to sign in, a super admin to /super", async ({
    page,
    browser,
  }) => {
    await page.goto("/admin/clinics/new");
    await expect(page).toHaveURL(/\/login$/);

    const superAdmin = await browser.newContext({ storageState: savedSessionFile("super-admin") });
    const superPage = await superAdmin.newPage();
    await superPage.goto(`${ROOT_ORIGIN}/admin`);
    await expect(superPage).toHaveURL(/\/super$/);
    await superAdmin.close();
  });
});
