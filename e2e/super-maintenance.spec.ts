import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { clinicConnectionUrl } from "@/lib/tenancy/servers";
import { withCentralDb } from "./support/central-db";
import { provisionOwnClinic } from "./support/own-clinics";
import { savedSessionFile } from "./support/saved-sessions";
import { screenBothWidths } from "./support/screens";

test.use({ storageState: savedSessionFile("super-admin") });

/** A query of the clinic's own role that sleeps until it is stopped: what a stuck report looks like. */
async function startSleepingQuery(subdomain: string) {
  const url = await withCentralDb(async (central) => {
    const clinic = await central.clinic.findUniqueOrThrow({
      where: { subdomain },
      include: { databaseServer: true },
    });
    if (!clinic.databaseServer) throw new Error("no server");
    // Past the role's own statement_timeout (10 s), which a slow page could outlast before Cancel.
    return clinicConnectionUrl(clinic, clinic.databaseServer, { statementTimeoutMs: 120_000 });
  });
  const client = new pg.Client({ connectionString: url, application_name: "front-desk" });
  client.on("error", () => {});
  await client.connect();
  const outcome = client.query("SELECT pg_sleep(90)").then(
    () => "finished",
    (error: Error) => error.message,
  );
  return { outcome, end: () => client.end().catch(() => {}) };
}

test("the super admin sees a clinic's database health, cancels its long query and vacuums it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const subdomain = `oak-${randomBytes(2).toString("hex")}`;
  await provisionOwnClinic({ subdomain, name: "Oak Lane Clinic" });
  const sleeper = await startSleepingQuery(subdomain);
  try {
    await page.waitForTimeout(1_500);
    await page.goto(`/super/maintenance?seconds=1&clinic=${subdomain}`);
    await expect(page.getByRole("heading", { level: 1, name: "Maintenance" })).toBeVisible();
    await expect(page.getByText(/Autovacuum workers busy: \d+ of \d+/)).toBeVisible();

    const clinicRow = page
      .getByRole("table", { name: "Clinic databases on this server" })
      .getByRole("row")
      .filter({ hasText: subdomain });
    await expect(clinicRow.getByText("Fine", { exact: true })).toBeVisible();
    await expect(clinicRow.getByText(/\d+ MB/)).toBeVisible();
    const tables = page.getByRole("table", { name: `Largest tables of ${subdomain}` });
    await expect(tables.getByRole("row").filter({ hasText: "public.patients" })).toBeVisible();

    const longRow = page
      .getByRole("table", { name: "Queries and open transactions longer than 1 seconds" })
      .getByRole("row")
      .filter({ hasText: `Clinic ${subdomain}` });
    await expect(longRow.getByText("SELECT pg_sleep(90)")).toBeVisible();
    await screenBothWidths(page, "super-maintenance");

    await longRow.getByRole("button", { name: /^Cancel session \d+$/ }).click();
    const confirm = page.getByRole("dialog", { name: /^Cancel session \d+\?$/ });
    await expect(confirm.getByText("Cancels the query that is running")).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel the query" }).click();
    await expect(page.getByText("Its query was cancelled.")).toBeVisible();
    expect(await sleeper.outcome).toMatch(/canceling statement due to user request/);

    await clinicRow.getByRole("button", { name: `Vacuum ${subdomain}` }).click();
    await page
      .getByRole("dialog", { name: `Vacuum ${subdomain}?` })
      .getByRole("button", { name: "Start vacuum" })
      .click();
    await expect(clinicRow.getByRole("status")).toHaveText(/Vacuum done: \d+ tables\./, { timeout: 90_000 });
    await screenBothWidths(page, "super-maintenance-vacuumed");
  } finally {
    await sleeper.end();
  }
});
