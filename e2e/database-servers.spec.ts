import { expect, test } from "@playwright/test";
import { withCentralDb } from "./support/central-db";
import { savedSessionFile } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";

const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR;

test.use({ storageState: savedSessionFile("super-admin") });

test.describe("database servers", () => {
  test("the super admin runs a server's checks and reads each with its fix", async ({ page }) => {
    await page.goto("/super/servers");
    await expect(page.getByRole("heading", { level: 2, name: "Server checks" })).toBeVisible();
    // Each server's connection plan against its max_connections, with its verdict.
    await expect(
      page
        .getByRole("region", { name: "Connection plans" })
        .getByText(/^Fits: \d+ planned of \d+ usable/)
        .first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Run the checks of default" }).click();

    const checks = page.getByRole("list", { name: "Checks of default" });
    for (const title of [
      "Password authentication",
      "Shared databases closed to clinic roles",
      "SSL",
      "PostgreSQL version",
    ])
      await expect(checks.getByText(title, { exact: true })).toBeVisible();
    // The test server trusts local connections; the page must say so, not pass it.
    await expect(checks.getByText(/A wrong password was (accepted|refused)/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Run the checks of default" })).toHaveText("Check again");

    if (SCREENSHOTS) {
      await page.screenshot({ path: `${SCREENSHOTS}/servers-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SCREENSHOTS}/servers-390.png`, fullPage: true });
    }
  });

  test("each server says whether point-in-time restore is set up, and the one line that sets it up", async ({
    page,
  }) => {
    await page.goto("/super/servers");
    await expect(page.getByRole("columnheader", { name: "Point-in-time restore" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Default" });
    await expect(row.getByText("Not set up", { exact: true })).toBeVisible();
    await expect(row.getByText("npm run pitr:setup -- default --repo /var/lib/pgbackrest")).toBeVisible();
    // The test server does not archive WAL: nothing is failing, so nothing is red.
    await expect(row.getByRole("alert")).toHaveCount(0);
    await screenBothWidths(page, "servers-pitr-not-set-up");
  });

  test("a host the operator did not list is refused before any connection, naming DATABASE_SERVER_HOSTS", async ({
    page,
  }) => {
    await page.goto("/super/servers");
    await page.getByRole("button", { name: "Add server" }).click();
    const form = page.getByRole("dialog", { name: "Add database server" });
    await form.getByLabel("Name").fill("probe");
    await form.getByLabel("Host").fill("10.0.0.1");
    await form.getByLabel("Port").fill("22");
    await form.getByRole("button", { name: "Test and add server" }).click();
    await expect(form.getByText(/10\.0\.0\.1:22 is not one of them/)).toBeVisible();
    await expect(form.getByText("Not in DATABASE_SERVER_HOSTS.")).toBeVisible();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/add-server-refused.png` });
  });

  test("a server's PgBouncer is edited beside its capacity; an address the operator did not list is refused", async ({
    page,
  }) => {
    // A server of this test's own with no clinics: the default one's requests must not move.
    const name = `pooled-${Date.now().toString(36)}`;
    await withCentralDb((central) =>
      central.databaseServer.create({
        data: {
          name,
          host: "127.0.0.1",
          port: 5432,
          adminUser: "postgres",
          poolerHost: "127.0.0.1",
          poolerPort: 6432,
        },
      }),
    );
    try {
      await page.goto("/super/servers");
      const row = page.getByRole("row").filter({ hasText: name });
      await expect(row.getByText("requests via PgBouncer")).toBeVisible();
      await expect(
        row.getByText(/no console user, so a restore's swap fails the clinic's requests/),
      ).toBeVisible();
      if (SCREENSHOTS)
        await page.screenshot({ path: `${SCREENSHOTS}/servers-pooler-row.png`, fullPage: true });
      await row.getByRole("button", { name: `Edit ${name}` }).click();
      const form = page.getByRole("dialog", { name: `Edit server ${name}` });
      await expect(form.getByLabel("PgBouncer host")).toHaveValue("127.0.0.1");
      await expect(form.getByLabel("PgBouncer port")).toHaveValue("6432");
      // A console user needs its password; refused before any connection is tried.
      await form.getByLabel("PgBouncer console user").fill("pgbouncer_admin");
      await form.getByRole("button", { name: "Save" }).click();
      await expect(form.getByText("Enter the password of this console user.").first()).toBeVisible();
      await screenBothWidths(page, "edit-server-console-user");
      await form.getByLabel("PgBouncer console user").fill("");
      await form.getByLabel("PgBouncer host").fill("10.0.0.9");
      await form.getByRole("button", { name: "Save" }).click();
      await expect(form.getByText(/10\.0\.0\.9:6432 is not one of them/)).toBeVisible();
      await expect(form.getByText("Not in DATABASE_SERVER_HOSTS.")).toBeVisible();
      if (SCREENSHOTS) {
        await page.screenshot({ path: `${SCREENSHOTS}/edit-server-pooler-refused.png` });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${SCREENSHOTS}/edit-server-pooler-refused-390.png` });
      }
      // Emptying the host removes the pooler: nothing to test, saved at once.
      await form.getByLabel("PgBouncer host").fill("");
      await form.getByRole("button", { name: "Save" }).click();
      await expect(form).toHaveCount(0);
      await expect(row.getByText("requests via PgBouncer")).toHaveCount(0);
    } finally {
      await withCentralDb((central) => central.databaseServer.deleteMany({ where: { name } }));
    }
  });

  test("the dashboard and the servers page warn while the central database is open to every role", async ({
    page,
  }) => {
    const setPublicConnect = (grant: boolean) =>
      withCentralDb(async (central) => {
        const [row] = await central.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
        const database = `"${(row?.name ?? "").replaceAll('"', '""')}"`;
        await central.$executeRawUnsafe(
          grant
            ? `GRANT CONNECT ON DATABASE ${database} TO PUBLIC`
            : `REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC`,
        );
      });
    const warning = page.getByText("The central database is open to every role on its server.");

    await page.goto("/super");
    await expect(page.getByRole("heading", { level: 1, name: "Platform overview" })).toBeVisible();
    await expect(warning).toHaveCount(0);
    await setPublicConnect(true);
    try {
      await page.reload();
      await expect(warning).toBeVisible();
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/overview-open-central.png` });
      await page.goto("/super/servers");
      await expect(warning).toBeVisible();
      if (SCREENSHOTS) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${SCREENSHOTS}/servers-open-central-390.png` });
      }
    } finally {
      await setPublicConnect(false);
    }
    await page.reload();
    await expect(warning).toHaveCount(0);
  });
});
