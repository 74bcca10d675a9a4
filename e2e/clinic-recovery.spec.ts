import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import type { CentralDb } from "@/lib/db/central";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { quoteIdent } from "@/lib/tenancy/names";
import { adminStatement, withCentralDb } from "./support/central-db";
import { readE2eContext } from "./support/context";
import { E2E_PORT, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { signIn } from "./support/sign-in";

/** Screenshots of each state at desktop and phone width, when E2E_SHOTS_DIR asks for them. */
async function shoot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: path.join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

const databaseNameOf = async (subdomain: string) =>
  `${(await readE2eContext(E2E_PORT)).prefix}clinic_${subdomain}_db`;

/**
 * A real failure: a database of the clinic's name that the platform did not make is already on the
 * server, so the set-up stops at its "database" step and leaves it alone. Returns how to undo it.
 */
async function failSetUp(clinic: { subdomain: string; name: string; ownerEmail: string }) {
  const foreign = quoteIdent(await databaseNameOf(clinic.subdomain));
  await adminStatement(`CREATE DATABASE ${foreign}`);
  await withCentralDb(async (central) => {
    const owner = await central.user.findUniqueOrThrow({ where: { email: clinic.ownerEmail } });
    await new ClinicDatabaseService({ central })
      .provisionClinic({ name: clinic.name, subdomain: clinic.subdomain, ownerId: owner.id })
      .catch(() => {});
  });
  // FORCE: a session the failed set-up or a health check left on it must not hold the test up.
  return () => adminStatement(`DROP DATABASE ${foreign} WITH (FORCE)`);
}

/** A clinic whose set-up job waits for its next attempt after one failed (due in an hour, so it stays so). */
async function retryingSetUp(central: CentralDb, subdomain: string, ownerEmail: string) {
  const owner = await central.user.findUniqueOrThrow({ where: { email: ownerEmail } });
  const server = await central.databaseServer.findFirstOrThrow({ where: { isDefault: true } });
  const clinic = await central.clinic.create({
    data: {
      name: "Waiting Clinic",
      subdomain,
      status: "PROVISIONING",
      provisioningStep: "role",
      ownerId: owner.id,
      databaseServerId: server.id,
      databaseName: await databaseNameOf(subdomain),
      roleName: `${(await readE2eContext(E2E_PORT)).prefix}clinic_${subdomain}_role`,
    },
  });
  await central.job.create({
    data: {
      kind: "provision-clinic",
      clinicId: clinic.id,
      state: "QUEUED",
      attempts: 1,
      step: "role",
      lastError: "The process running it stopped; it was taken up again.",
      runAfter: new Date(Date.now() + 3_600_000),
      payload: { request: { name: "Waiting Clinic", subdomain, ownerId: owner.id } },
    },
  });
  return clinic;
}

test.describe("clinics whose set-up failed", () => {
  test("a clinic admin sees the reason, retries the set-up to active, and removes another", async ({
    page,
  }) => {
    const admin = await createPlatformAccount({ role: "CLINIC_ADMIN", name: "Riley Recover" });
    const undo = await failSetUp({ subdomain: "mended", name: "Mended Clinic", ownerEmail: admin.email });
    const undoOther = await failSetUp({
      subdomain: "dropped",
      name: "Dropped Clinic",
      ownerEmail: admin.email,
    });
    // A deletion that stopped, and a set-up waiting for its automatic retry.
    const undoHalfGone = await failSetUp({
      subdomain: "halfgone",
      name: "Halfgone Clinic",
      ownerEmail: admin.email,
    });
    const waiting = await withCentralDb(async (central) => {
      await central.clinic.update({
        where: { subdomain: "halfgone" },
        data: { status: "DELETING", statusReason: "The database server could not be reached." },
      });
      return retryingSetUp(central, "waiting", admin.email);
    });
    await signIn(page, ROOT_ORIGIN, admin);
    await page.waitForURL("**/admin");
    await expect(
      page.getByRole("row", { name: /Waiting Clinic/ }).getByText(/being retried automatically/),
    ).toBeVisible();
    await expect(
      page
        .getByRole("row", { name: /Halfgone Clinic/ })
        .getByText("Deleting stopped: The database server could not be reached."),
    ).toBeVisible();
    await shoot(page, "admin-needs-attention");

    const row = page.getByRole("row", { name: /Mended Clinic/ });
    await expect(row.getByText("Set-up failed", { exact: true })).toBeVisible();
    await expect(
      row.getByText(
        /Set-up stopped while creating the clinic's database: A database named \S+ already exists/,
      ),
    ).toBeVisible();
    await shoot(page, "admin-failed");

    await undo();
    await row.getByRole("button", { name: "Retry" }).click();
    await expect(row.getByText("Active", { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(row.getByRole("button", { name: "Open clinic" })).toBeVisible();

    const other = page.getByRole("row", { name: /Dropped Clinic/ });
    await other.getByRole("button", { name: "Remove" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Dropped Clinic?" });
    await expect(dialog.getByText("is free again at once")).toBeVisible();
    await shoot(page, "admin-remove-dialog");
    await dialog.getByRole("button", { name: "Remove clinic" }).click();
    await expect(page.getByText("Dropped Clinic was removed.")).toBeVisible();
    await expect(other).toHaveCount(0);
    await undoOther();

    await page
      .getByRole("row", { name: /Halfgone Clinic/ })
      .getByRole("button", { name: "Retry delete" })
      .click();
    const finish = page.getByRole("dialog", { name: "Finish deleting Halfgone Clinic?" });
    await shoot(page, "admin-retry-delete-dialog");
    await finish.getByRole("button", { name: "Retry delete" }).click();
    await expect(page.getByText("Halfgone Clinic was deleted.")).toBeVisible();
    await undoHalfGone();
    await withCentralDb(async (central) => {
      await central.job.deleteMany({ where: { clinicId: waiting.id } });
      await central.clinic.delete({ where: { id: waiting.id } });
    });
  });

  test.describe("in the super admin's console", () => {
    test("lists failed and retrying clinics under Needs attention, and removes a failed one", async ({
      page,
    }) => {
      const admin = await createPlatformAccount({ role: "CLINIC_ADMIN", name: "Sky Stuck" });
      const undo = await failSetUp({ subdomain: "stalled", name: "Stalled Clinic", ownerEmail: admin.email });
      const waiting = await withCentralDb((central) => retryingSetUp(central, "idling", admin.email));

      await signIn(
        page,
        ROOT_ORIGIN,
        await createPlatformAccount({ role: "SUPER_ADMIN", name: "Sam Stuck" }),
      );
      await page.waitForURL("**/super");
      await page.goto("/super/clinics");
      await page.getByRole("link", { name: "Needs attention" }).click();
      await expect(page).toHaveURL(/status=attention/);
      const stalled = page.getByRole("row", { name: /Stalled Clinic/ });
      await expect(stalled.getByText(/Set-up stopped while creating the clinic's database/)).toBeVisible();
      const retrying = page.getByRole("row", { name: /Waiting Clinic/ });
      await expect(retrying.getByText(/being retried automatically/)).toBeVisible();
      await shoot(page, "super-needs-attention");

      await stalled.getByRole("button", { name: "Remove stalled" }).click();
      const dialog = page.getByRole("dialog", { name: "Remove Stalled Clinic?" });
      await dialog.getByRole("button", { name: "Remove clinic" }).click();
      await expect(page.getByText("Stalled Clinic was removed.")).toBeVisible();
      await expect(stalled).toHaveCount(0);

      await undo();
      await withCentralDb(async (central) => {
        await central.job.deleteMany({ where: { clinicId: waiting.id } });
        await central.clinic.delete({ where: { id: waiting.id } });
      });
    });
  });
});
