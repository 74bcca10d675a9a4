import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { signIn } from "./support/sign-in";

const maple = clinicOrigin("maple");

test("a manager resets a nurse's forgotten password; the nurse signs in with it and must choose a new one", async ({
  page,
  browser,
}, testInfo) => {
  const run = randomBytes(3).toString("hex");
  const managerPassword = `manager-${run}-password`;
  const { manager, nurse } = await withClinicDb("maple", async (db) => {
    const passwordHash = await hashPassword(managerPassword);
    const create = (role: "MANAGER" | "NURSE", name: string) =>
      db.staffUser.create({
        data: {
          email: `${name.toLowerCase()}-${run}@maple.test`,
          name: `${name} ${run}`,
          role,
          passwordHash,
        },
      });
    return { manager: await create("MANAGER", "Mina"), nurse: await create("NURSE", "Nora") };
  });

  await signIn(page, maple, { email: manager.email, password: managerPassword });
  await page.goto(`${maple}/staff`);
  // Maple has more staff than one page shows: find her first, as a manager would.
  await page.getByLabel("Find a staff member").fill(nurse.name);
  await page.getByRole("button", { name: `Reset password of ${nurse.name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Reset ${nurse.name}'s password?` });
  await expect(confirm).toContainText("signed out on every device");
  await confirm.getByRole("button", { name: "Reset password" }).click();
  const shown = page.getByRole("dialog", { name: `New password for ${nurse.name}` });
  const temporaryPassword = await shown.getByLabel("Temporary password").inputValue();
  expect(temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
  await expect(shown).toContainText("works until");
  for (const [name, width] of [
    ["desktop", 1280],
    ["390", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: testInfo.outputPath(`reset-password-${name}.png`) });
  }
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(
    page.getByRole("row", { name: new RegExp(nurse.name) }).getByText("Temporary password"),
  ).toBeVisible();
  // A manager is offered no reset for an owner or another manager.
  const owners = await withClinicDb("maple", (db) =>
    db.staffUser.findMany({ where: { role: "OWNER", status: "ACTIVE" }, select: { name: true } }),
  );
  expect(owners.length).toBeGreaterThan(0);
  for (const owner of owners)
    await expect(page.getByRole("button", { name: `Reset password of ${owner.name}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Reset password of ${manager.name}` })).toHaveCount(0);

  const nursePage = await (await browser.newContext()).newPage();
  await signIn(nursePage, maple, { email: nurse.email, password: temporaryPassword });
  await expect(nursePage).toHaveURL(/\/account\/password$/);
  await withClinicDb("maple", async (db) => {
    await expect(
      db.auditEvent.findFirstOrThrow({ where: { action: "staff.password-reset", targetId: nurse.id } }),
    ).resolves.toMatchObject({ actorId: manager.id });
  });
});
