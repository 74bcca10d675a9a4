import { expect, test } from "@playwright/test";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { withCentralDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { provisionOwnClinic } from "./support/own-clinics";

test("a suspended clinic shows its suspended page with the platform's reason, and its own page again once resumed", async ({
  page,
}) => {
  await provisionOwnClinic({ name: "Quiet Hours Clinic", subdomain: "quiet-hours" });
  const url = `${clinicOrigin("quiet-hours")}/`;
  await withCentralDb(async (central) => {
    const service = new ClinicDatabaseService({ central });

    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic" })).toBeVisible();

    // Operator-written text: shown as text, never as markup.
    await service.suspendClinic("quiet-hours", "Unpaid invoice <b>March</b>");
    await page.goto(url);
    await expect(
      page.getByRole("heading", { level: 1, name: "Quiet Hours Clinic is suspended" }),
    ).toBeVisible();
    await expect(
      page.getByText("Suspended by the platform: Unpaid invoice <b>March</b>. Ask your clinic admin.", {
        exact: true,
      }),
    ).toBeVisible();
    await expect(page.locator("main b")).toHaveCount(0);

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
