import { expect, test } from "@playwright/test";
import { getWithHost } from "./support/http";
import { E2E_PORT } from "./support/origins";

const root = `localhost:${E2E_PORT}`;

test.describe("routing by host", () => {
  test("each clinic's page shows its own data, read from its own database", async ({ page }) => {
    await page.goto(`http://maple.${root}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Maple Family Clinic" })).toBeVisible();
    await expect(page.getByText("Maple Main Street")).toBeVisible();
    await expect(page.getByText("Harbor")).toHaveCount(0);

    await page.goto(`http://harbor.${root}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Harbor Pediatrics" })).toBeVisible();
    await expect(page.getByText("Harbor Point")).toBeVisible();
    await expect(page.getByText("Maple")).toHaveCount(0);
  });

  test("a forged x-tenant header changes nothing", async () => {
    const onClinic = await getWithHost(`maple.${root}`, "/", { "x-tenant": "harbor" });
    expect(onClinic.status).toBe(200);
    expect(onClinic.body).toContain("Maple Family Clinic");
    expect(onClinic.body).not.toContain("Harbor");

    const onRoot = await getWithHost(root, "/", { "x-tenant": "harbor" });
    expect(onRoot.status).toBe(200);
    expect(onRoot.body).not.toContain("Harbor Pediatrics");
  });

  test("the site icon is served on the root host and on every clinic host", async () => {
    for (const host of [root, `maple.${root}`, `unknown-clinic.${root}`]) {
      const response = await getWithHost(host, "/favicon.ico");
      expect(response.status, host).toBe(200);
    }
  });

  test("host names are case-insensitive", async () => {
    const response = await getWithHost(`MaPle.LOCALHOST:${E2E_PORT}`, "/");
    expect(response.status).toBe(200);
    expect(response.body).toContain("Maple Family Clinic");
  });

  for (const [host, path, why] of [
    [root, "/maple", "a root-host path into the tenant segment"],
    [root, "/harbor/anything", "a deeper root-host path into the tenant segment"],
    [`maple.${root}`, "/super", "the super-admin area on a clinic host"],
    [`maple.${root}`, "/admin/clinics", "the clinic-admin area on a clinic host"],
    [`maple.${root}`, "/no-such-page", "a path no clinic page has"],
    ["example.com", "/", "another domain"],
  ]) {
    test(`answers 404 for ${why}`, async () => {
      const response = await getWithHost(host as string, path as string);
      expect(response.status).toBe(404);
      expect(response.body).toContain("Page not found");
      expect(response.body).not.toContain("No clinic at this address");
      expect(response.body).not.toContain("Maple Family Clinic");
    });
  }

  for (const [host, why] of [
    [`nobody-here.${root}`, "an unknown clinic"],
    [`www.${root}`, "a reserved subdomain"],
    [`a--b.${root}`, "a malformed subdomain"],
    [`maple.harbor.${root}`, "two levels of subdomain"],
  ]) {
    test(`answers 404 for ${why}, saying that no clinic has the address`, async () => {
      const response = await getWithHost(host as string, "/patients");
      expect(response.status).toBe(404);
      expect(response.body).toContain("No clinic at this address");
      expect(response.body).toContain(host);
      expect(response.body).toContain(`http://${root}/#sign-in`);
      expect(response.body).not.toContain("Maple Family Clinic");
    });
  }

  test("the unknown-clinic page leads to the platform's home page", async ({ page }) => {
    const response = await page.goto(`http://nobody-here.${root}/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "No clinic at this address" })).toBeVisible();
    await expect(page.getByText(`nobody-here.${root}`, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Go to the platform's home page" }).click();
    await expect(page).toHaveURL(`http://${root}/#sign-in`);
    await expect(page.getByLabel("Your clinic's address")).toBeVisible();
  });
});
