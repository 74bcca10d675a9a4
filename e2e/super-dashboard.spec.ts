import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createCentralClient } from "@/lib/db/central";
import { DEMO_ACCOUNTS } from "@/lib/db/seed";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { readE2eContext } from "./support/context";
import { E2E_PORT } from "./support/http";

const { superAdmin } = DEMO_ACCOUNTS;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A clinic of this spec's own, so suspending it cannot disturb specs that visit the demo clinics. */
async function provisionClinic(subdomain: string, name: string) {
  const context = await readE2eContext(E2E_PORT);
  process.env.TENANT_SECRETS_KEY = context.secretsKey;
  const central = createCentralClient(context.centralUrl, 1);
  try {
    const owner = await central.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.clinicAdmin.email } });
    await new ClinicDatabaseService({
      central,
      env: { ...process.env, TENANT_NAME_PREFIX: context.prefix },
    }).provisionClinic({ name, subdomain, ownerId: owner.id });
  } finally {
    await central.$disconnect();
  }
}

test.describe("super-admin dashboard", () => {
  test("a new clinic admin signs in with the temporary password, must change it, then lands on /admin", async ({
    page,
  }) => {
    const email = `erin.${randomBytes(3).toString("hex")}@clinics.test`;
    const newPassword = "erin-chose-this-one";

    await signIn(page, superAdmin.email, superAdmin.password);
    await expect(page).toHaveURL(/\/super$/);
    await expect(page.getByRole("heading", { level: 1, name: "Platform overview" })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Super admin" })
      .getByRole("link", { name: "Clinic admins" })
      .click();
    await page.getByRole("button", { name: "New clinic admin" }).click();
    const form = page.getByRole("dialog", { name: "New clinic admin" });
    await form.getByLabel("Name").fill("Erin Example");
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Create clinic admin" }).click();

    const reveal = page.getByRole("dialog", { name: "Temporary password" });
    const temporaryPassword = await reveal.getByLabel("Temporary password").inputValue();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await reveal.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, email, temporaryPassword);
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.getByLabel("Current password").fill(temporaryPassword);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("New password again").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, email, newPassword);
    await expect(page).toHaveURL(/\/admin$/);

    // A clinic admin has no way into the super-admin dashboard, nor into its progress endpoint.
    await page.goto("/super/clinics");
    await expect(page).toHaveURL(/\/admin$/);
    const progress = await page.request.get("/api/super/fleet/runs/00000000-0000-4000-8000-000000000000");
    expect(progress.status()).toBe(403);
    expect(progress.headers()["cache-control"]).toBe("no-store");
  });

  test("the super admin sees every clinic, suspends one with a reason and resumes it", async ({ page }) => {
    const subdomain = `birch-${randomBytes(2).toString("hex")}`;
    await provisionClinic(subdomain, "Birch Street Clinic");
    const clinicUrl = `http://${subdomain}.localhost:${E2E_PORT}/`;

    await signIn(page, superAdmin.email, superAdmin.password);
    await expect(page).toHaveURL(/\/super$/);
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

  test("a rollout started from the fleet page shows its progress until it ends", async ({ page }) => {
    await signIn(page, superAdmin.email, superAdmin.password);
    await expect(page).toHaveURL(/\/super$/);
    await page.goto("/super/fleet");
    await page.getByRole("button", { name: "Roll out pending migrations" }).click();

    const progress = page.getByRole("region", { name: "Rollout progress" });
    await expect(progress.getByText("Succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(progress.getByRole("status")).toHaveText(
      /^(\d+) of \1 clinics done: \1 succeeded, 0 failed\.$/,
    );
  });
});
