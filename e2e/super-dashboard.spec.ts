import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { provisionOwnClinic } from "./support/own-clinics";
import { savedSessionFile } from "./support/saved-sessions";
import { signIn } from "./support/sign-in";

test.describe("super-admin dashboard", () => {
  test("a new clinic admin signs in with the temporary password, must change it, then lands on /admin", async ({
    page,
  }) => {
    const email = `erin.${randomBytes(3).toString("hex")}@clinics.test`;
    const newPassword = "erin-chose-this-one";

    // A super admin of this test's own: it signs out below.
    await signIn(page, ROOT_ORIGIN, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Skye Super" }));
    await expect(page).toHaveURL(/\/super$/);
    await expect(page.getByRole("heading", { level: 1, name: "Platform overview" })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Super admin" })
      .getByRole("link", { name: "Clinic admins" })
      .click();
    await page.getByRole("button", { name: "New clinic admin" }).click();
    const form = page.getByRole("dialog", { name: "New clinic admin" });
    await form.getByLabel("Name").fill("Erin Example");
    // An email already in use is refused; the refusal goes once the email is corrected.
    await form.getByLabel("Email").fill("admin@clinics.test");
    await form.getByRole("button", { name: "Create clinic admin" }).click();
    const refusal = form.getByRole("alert").filter({ hasText: "An account with this email already exists." });
    await expect(refusal).toBeVisible();
    await form.getByLabel("Email").fill(email);
    await expect(refusal).toHaveCount(0);
    await expect(form.getByText("Already in use.")).toHaveCount(0);
    await form.getByRole("button", { name: "Create clinic admin" }).click();

    const reveal = page.getByRole("dialog", { name: "Temporary password" });
    const temporaryPassword = await reveal.getByLabel("Temporary password").inputValue();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await reveal.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, ROOT_ORIGIN, { email, password: temporaryPassword });
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.getByLabel("Current password").fill(temporaryPassword);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("New password again").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, ROOT_ORIGIN, { email, password: newPassword });
    await expect(page).toHaveURL(/\/admin$/);

    // A clinic admin has no way into the super-admin dashboard, nor into its progress endpoint.
    await page.goto("/super/clinics");
    await expect(page).toHaveURL(/\/admin$/);
    const progress = await page.request.get("/api/super/fleet/runs/00000000-0000-4000-8000-000000000000");
    expect(progress.status()).toBe(403);
    expect(progress.headers()["cache-control"]).toBe("no-store");
  });

  // Suspending a clinic of this test's own ends only that clinic's sessions, never the super admin's.
  test.describe(() => {
    test.use({ storageState: savedSessionFile("super-admin") });

    test("the super admin sees every clinic, suspends one with a reason and resumes it", async ({ page }) => {
      const subdomain = `birch-${randomBytes(2).toString("hex")}`;
      await provisionOwnClinic({ subdomain, name: "Birch Street Clinic" });
      const clinicUrl = `${clinicOrigin(subdomain)}/`;

      await page.goto("/super/clinics");
      for (const name of ["Maple Family Clinic", "Harbor Pediatrics", "Birch Street Clinic"])
        await expect(page.getByText(name, { exact: true })).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: "Birch Street Clinic" });
      await expect(row.getByText("Active", { exact: true })).toBeVisible();
      await expect(row.getByText(/\d+(\.\d)? MB/)).toBeVisible();

      await row.getByRole("button", { name: `Suspend ${subdomain}` }).click();
      const dialog = page.getByRole("dialog", { name: "Suspend clinic" });
      await dialog.getByLabel("Reason").fill("Unpaid invoice");
      await dialog.getByRole("button", { name: "Suspend clinic" }).click();
      await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
      await expect(row.getByText("Unpaid invoice")).toBeVisible();

      await page.goto(clinicUrl);
      await expect(
        page.getByRole("heading", { level: 1, name: "Birch Street Clinic is suspended" }),
      ).toBeVisible();

      await page.goto("/super/clinics");
      await row.getByRole("button", { name: `Resume ${subdomain}` }).click();
      await page
        .getByRole("dialog", { name: "Resume clinic?" })
        .getByRole("button", { name: "Resume clinic" })
        .click();
      await expect(row.getByText("Active", { exact: true })).toBeVisible();

      await page.goto(clinicUrl);
      await expect(page.getByRole("heading", { level: 1, name: "Birch Street Clinic" })).toBeVisible();

      await page.goto("/super/audit");
      await expect(page.getByText("clinic.suspended")).toBeVisible();
      await expect(page.getByText("clinic.resumed")).toBeVisible();
    });

    test("with nothing pending, a rollout asks first, counts every clinic as already up to date, and lists the run", async ({
      page,
    }) => {
      await page.goto("/super/fleet");
      const runs = page.getByRole("table", { name: "Recent rollouts" }).getByRole("row");
      const runsBefore = await runs.count();
      await page.getByRole("button", { name: "Roll out pending migrations" }).click();
      const confirm = page.getByRole("dialog", { name: "Nothing is pending" });
      await expect(confirm).toContainText("Every clinic is already at the newest version");
      await confirm.getByRole("button", { name: "Roll out anyway" }).click();

      const progress = page.getByRole("region", { name: "Rollout progress" });
      await expect(progress.getByText("Succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
      await expect(progress.getByRole("status")).toHaveText(
        /^(\d+) of \1 clinics done: 0 updated, \1 already up to date, 0 failed\.$/,
      );
      // The page redraws once the run ends: the new run heads the list, without a reload.
      // (rows include the header row; the list shows the newest 10)
      await expect(runs).toHaveCount(runsBefore === 0 ? 2 : Math.min(runsBefore + 1, 11));
    });
  });
});
