import { randomBytes } from "node:crypto";
import http from "node:http";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { issueOpenClinicTicket, openClinicAs, postOpenClinicTicket } from "./support/open-clinic";
import { clinicOrigin, E2E_PORT, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { savedSessionFile } from "./support/saved-sessions";
import { signIn } from "./support/sign-in";

const maple = clinicOrigin("maple");
const harbor = clinicOrigin("harbor");

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(`${maple}/login`);
}

/** The page does not scroll sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an owner adds a receptionist, who must choose a password and then sees only their own areas", async ({
  page,
}) => {
  const email = `rosa-${randomBytes(3).toString("hex")}@maple.test`;
  // An owner of this test's own (a co-admin of maple, opening it), who signs out below.
  const owner = await createPlatformAccount({
    role: "CLINIC_ADMIN",
    name: "Casey Cover",
    coAdminOf: "maple",
  });
  await openClinicAs(page, "maple", owner.email);
  await expect(page).toHaveURL(`${maple}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Casey" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link")).toHaveText([
    "Dashboard",
    "Today",
    "Calendar",
    "Patients",
    "Billing",
    "Doctors",
    "Locations",
    "Staff",
    "Settings",
    "Audit log",
  ]);

  await nav.getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await page.getByRole("button", { name: "Add staff member" }).click();
  const form = page.getByRole("dialog", { name: "Add a staff member" });
  await form.getByLabel("Name").fill("Rosa Newhire");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("RECEPTIONIST");
  await form.getByRole("button", { name: "Add staff member" }).click();
  const added = page.getByRole("dialog", { name: "Staff member added" });
  const temporaryPassword = await added.getByLabel("Temporary password").inputValue();
  expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
  await added.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /Rosa Newhire/ });
  await expect(row).toContainText("Receptionist");
  await expect(row).toContainText("Temporary password");
  await expect(row).toContainText("Never");
  await signOut(page);

  await signIn(page, maple, { email, password: temporaryPassword });
  await expect(page).toHaveURL(`${maple}/account/password`);
  await expect(page.getByText("You signed in with a temporary password.")).toBeVisible();
  await page.goto(`${maple}/dashboard`);
  await expect(page).toHaveURL(`${maple}/account/password`);
  const newPassword = "rosa's own password 42";
  await page.getByLabel("Current password").fill(temporaryPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(`${maple}/login`);

  await signIn(page, maple, { email, password: newPassword });
  await expect(page).toHaveURL(`${maple}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Rosa" })).toBeVisible();
  await expect(page.getByText("as Receptionist")).toBeVisible();
  await expect(nav.getByRole("link")).toHaveText([
    "Dashboard",
    "Today",
    "Calendar",
    "Patients",
    "Billing",
    "Doctors",
  ]);
  await expect(page.getByRole("link", { name: "Staff" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);

  // Refused with a 403 (not a 200 page that says no) and the friendly page inside the workspace.
  for (const [path, area] of [
    ["/staff", "Staff"],
    ["/settings", "Settings"],
    ["/audit", "the audit log"],
    ["/locations", "Locations"],
  ]) {
    const response = await page.goto(`${maple}${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(
      page.getByRole("heading", { level: 1, name: `You do not have access to ${area}` }),
    ).toBeVisible();
    await expect(page.getByText("Your role (Receptionist) does not include this page.")).toBeVisible();
  }
});

// The demo clinic admin's saved session, in maple as its owner: these tests leave it signed in.
test.describe(() => {
  test.use({ storageState: savedSessionFile("clinic-admin") });

  test("an owner saves the clinic's contact phone, and the audit log shows who did it", async ({ page }) => {
    const phone = `+44 20 7946 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
    await page.goto(`${maple}/dashboard`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByLabel("Clinic name")).toHaveValue("Maple Family Clinic");
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
    // The demo clinic has issued invoices, so its currency stays; typed in lower case it reads the same.
    const currency = await page.getByLabel("Currency").inputValue();
    await page.getByLabel("Currency").fill("gb");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Use a 3-letter currency code, e.g. EUR or USD.")).toBeVisible();
    await page.getByLabel("Currency").fill(currency.toLowerCase());
    await page.getByLabel("Contact phone").fill(phone);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Contact phone")).toHaveValue(phone);
    await expect(page.getByLabel("Currency")).toHaveValue(currency);

    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await expect(
      page.getByRole("region", { name: "Audit events" }).getByRole("listitem").first(),
    ).toContainText(/Casey Admin changed the clinic's (currency and )?contact phone\./);
    await expect(page.getByText("times in Europe/London")).toBeVisible();
  });

  test("the workspace fits a phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ["/dashboard", "/staff", "/settings", "/audit"]) {
      await page.goto(`${maple}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    await page.getByRole("button", { name: /account menu/ }).click();
    await expect(page.getByRole("link", { name: "Change password" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  });

  test("maple's session cookie is no session on harbor's host", async ({ page, context }) => {
    await page.goto(`${maple}/dashboard`);
    await expect(page).toHaveURL(`${maple}/dashboard`);
    await page.goto(`${maple}/`);
    await expect(page.getByRole("link", { name: "Go to your workspace" })).toBeVisible();

    await copyCookies(context, "maple.localhost", "harbor.localhost");
    await page.goto(`${harbor}/dashboard`);
    await expect(page).toHaveURL(`${harbor}/login`);
    await page.goto(`${harbor}/`);
    await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  });
});

test("a used Open clinic ticket is refused with a clear message", async ({ page }) => {
  const ticket = await issueOpenClinicTicket("harbor", DEMO_ACCOUNTS.clinicAdmin.email);
  await postOpenClinicTicket(page, "harbor", ticket);
  await expect(page).toHaveURL(`${harbor}/dashboard`);
  await page.context().clearCookies();
  await postOpenClinicTicket(page, "harbor", ticket);
  await expect(page).toHaveURL(`${harbor}/login?error=ticket`);
  await expect(
    page.getByText("This sign-in from the admin console has expired or was already used."),
  ).toBeVisible();
});

test("/open is never cached, redeems only a post from the console and sends a bad ticket to sign-in", async () => {
  const open = (method: string, headers: Record<string, string> = {}, body = "") =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        {
          method,
          host: "127.0.0.1",
          port: E2E_PORT,
          path: "/open",
          headers: {
            host: `maple.localhost:${E2E_PORT}`,
            "content-type": "application/x-www-form-urlencoded",
            ...headers,
          },
        },
        resolve,
      );
      request.on("error", reject);
      request.end(body);
    });
  const cases: [http.IncomingMessage, string][] = [
    [
      await open("POST", { origin: ROOT_ORIGIN }, "ticket=not-a-ticket-but-twenty-chars-long"),
      "/login?error=ticket",
    ],
    [await open("POST", { origin: "http://evil.test" }, "ticket=x"), "/open/from-console?refused=origin"],
    [await open("GET"), "/open/from-console"],
  ];
  for (const [response, location] of cases) {
    response.resume();
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(location);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["set-cookie"]).toBeUndefined();
  }
});

async function copyCookies(context: BrowserContext, from: string, to: string) {
  const cookies = await context.cookies(`http://${from}:${E2E_PORT}`);
  expect(cookies.length).toBeGreaterThan(0);
  await context.addCookies(cookies.map(({ partitionKey, ...cookie }) => ({ ...cookie, domain: to })));
}
