import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { withClinicDb } from "./support/central-db";
import { issueOpenClinicTicket, postOpenClinicTicket } from "./support/open-clinic";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { provisionOwnClinic } from "./support/own-clinics";
import { type Credentials, signIn } from "./support/sign-in";

// A clinic of this spec's own, owned by an account of its own: the journeys below end sessions and
// deactivate the owner's staff account, which must never touch the demo clinics or saved sessions.
// A subdomain of this run's own: a worker restarted after a failure provisions afresh.
const subdomain = `willow-${randomBytes(3).toString("hex")}`;
const willow = clinicOrigin(subdomain);
let owner: Credentials;

test.beforeAll(async () => {
  owner = await createPlatformAccount({ role: "CLINIC_ADMIN", name: "Olive Owner" });
  await provisionOwnClinic({ subdomain, name: "Willow Clinic", ownerEmail: owner.email });
});

/** A browser of its own, signed into the admin ownerPage. */
async function consolePage(browser: Browser, account: Credentials): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ROOT_ORIGIN, account);
  await expect(page).toHaveURL(`${ROOT_ORIGIN}/admin`);
  return page;
}

async function openWillow(page: Page) {
  await page.goto(`${ROOT_ORIGIN}/admin`);
  await page
    .getByRole("row", { name: /Willow Clinic/ })
    .getByRole("button", { name: "Open clinic" })
    .click();
  await page.waitForURL(`${willow}/dashboard`);
}

test("a co-admin removed by the owner while in the clinic is sent to sign-in on their next click", async ({
  browser,
}) => {
  const coAdmin = await createPlatformAccount({
    role: "CLINIC_ADMIN",
    name: "Cody Helper",
    coAdminOf: subdomain,
  });
  const helper = await consolePage(browser, coAdmin);
  await openWillow(helper);
  await expect(helper.getByText("You are signed in to Willow Clinic as")).toContainText("Manager");
  const nav = helper.getByRole("navigation", { name: "Workspace" });
  await nav.getByRole("link", { name: "Patients" }).click();
  await expect(helper.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();

  const ownerPage = await consolePage(browser, owner);
  await ownerPage
    .getByRole("row", { name: /Willow Clinic/ })
    .getByRole("link", { name: "Co-admins" })
    .click();
  await ownerPage.getByRole("button", { name: `Remove ${coAdmin.email}` }).click();
  await expect(ownerPage.getByText(`${coAdmin.email} is no longer a co-admin.`)).toBeVisible();

  await nav.getByRole("link", { name: "Dashboard" }).click();
  await expect(helper).toHaveURL(`${willow}/login`);
  await helper.goto(`${willow}/patients`);
  await expect(helper).toHaveURL(`${willow}/login`);
});

test("the owner's Open clinic restores their staff account after a local owner deactivated it", async ({
  browser,
}) => {
  const ownerPage = await consolePage(browser, owner);
  await openWillow(ownerPage);
  await expect(ownerPage.getByRole("heading", { level: 1, name: "Welcome, Olive" })).toBeVisible();

  // A co-admin enters as a manager and may not touch an owner, so a local owner does it.
  const local = {
    email: `lena-${randomBytes(3).toString("hex")}@willow.test`,
    password: "lena's password 42",
  };
  const passwordHash = await hashPassword(local.password);
  await withClinicDb(subdomain, (db) =>
    db.staffUser.create({ data: { email: local.email, name: "Lena Local", role: "OWNER", passwordHash } }),
  );
  const lena = await (await browser.newContext()).newPage();
  await signIn(lena, willow, local);
  await lena.goto(`${willow}/staff`);
  await lena.getByRole("button", { name: "Deactivate Olive Owner" }).click();
  await lena
    .getByRole("dialog", { name: "Deactivate Olive Owner?" })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(lena.getByText("Olive Owner is deactivated and signed out.")).toBeVisible();

  await ownerPage.reload();
  await expect(ownerPage).toHaveURL(`${willow}/login`);
  await openWillow(ownerPage);
  await expect(ownerPage.getByRole("heading", { level: 1, name: "Welcome, Olive" })).toBeVisible();
  await expect(ownerPage.getByText("You are signed in to Willow Clinic as")).toContainText("Owner");
  await ownerPage
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(
    ownerPage.getByText(
      "Olive Owner's owner account was restored by Open clinic from the admin console (it had been Owner, deactivated)",
    ),
  ).toBeVisible();
});

test("a ticket in a URL or posted by another site signs nobody in and says where to open the clinic", async ({
  page,
}, testInfo) => {
  const ticket = await issueOpenClinicTicket(subdomain, owner.email);
  await page.goto(`${willow}/open?ticket=${encodeURIComponent(ticket)}`);
  await expect(page).toHaveURL(`${willow}/open/from-console`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Open the clinic from your console" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the admin console" })).toHaveAttribute(
    "href",
    `${ROOT_ORIGIN}/admin`,
  );
  await page.screenshot({ path: testInfo.outputPath("open-from-console-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("open-from-console-390.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Another site (any origin but the console's) posting a genuine ticket: refused, the ticket unspent.
  // The attacker's page is served by the browser itself: none of this app's pages (whose CSP allows
  // forms to post only where the app does) could stand in for it.
  const attacker = "http://attacker.test";
  await page.route(`${attacker}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Elsewhere</title><body></body>" }),
  );
  await postOpenClinicTicket(page, subdomain, ticket, attacker);
  await expect(page).toHaveURL(`${willow}/open/from-console?refused=origin`);
  await expect(
    page.getByText("This sign-in did not come from the admin console, so nobody was signed in."),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("open-refused-390.png"), fullPage: true });
  await page.goto(`${willow}/dashboard`);
  await expect(page).toHaveURL(`${willow}/login`);

  // The same ticket, posted from the console, still works: nothing above spent it.
  await postOpenClinicTicket(page, subdomain, ticket);
  await expect(page).toHaveURL(`${willow}/dashboard`);
  const cookie = (await page.context().cookies(willow)).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toMatchObject({ sameSite: "Lax", httpOnly: true });
});
