import { expect, test } from "@playwright/test";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { withCentralDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { provisionOwnClinic } from "./support/own-clinics";

test("a suspended clinic shows its suspended page, and its own page again once resumed", async ({ page }) => {
  await provisionOwnClinic({ name: "Quiet Hours Clinic", subdomain: "quiet-hours" });
  const url = `${clinicOrigin("quiet-hours")}/`;
  await withCentralDb(async (central) => {
    const service = new ClinicDatabaseService({ central });

    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic" })).toBeVisible();

    await service.suspendClinic("quiet-hours");
    await page.goto(url);
    await expect(
      page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic is suspended" }),
    ).toBeVisible();

    await service.resumeClinic("quiet-hours");
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic" })).toBeVisible();

    await central.clinic.update({ where: { subdomain: "quiet-hours" }, data: { status: "PROVISIONING" } });
    await page.goto(url);
    await expect(
      page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic is being set up" }),
    ).toBeVisible();
  });
});
