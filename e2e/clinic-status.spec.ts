import { expect, test } from "@playwright/test";
import { createCentralClient } from "@/lib/db/central";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { readE2eContext } from "./support/context";
import { E2E_PORT } from "./support/http";

test("a suspended clinic shows its suspended page, and its own page again once resumed", async ({ page }) => {
  const context = await readE2eContext(E2E_PORT);
  process.env.TENANT_SECRETS_KEY = context.secretsKey;
  const env = { ...process.env, TENANT_NAME_PREFIX: context.prefix };
  const central = createCentralClient(context.centralUrl, 1);
  try {
    const owner = await central.user.findFirstOrThrow({ where: { role: "CLINIC_ADMIN" } });
    const service = new ClinicDatabaseService({ central, env });
    await service.provisionClinic({
      name: "Quiet Hours Clinic",
      subdomain: "quiet-hours",
      ownerId: owner.id,
    });
    const url = `http://quiet-hours.localhost:${E2E_PORT}/`;

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
  } finally {
    await central.$disconnect();
  }
});
