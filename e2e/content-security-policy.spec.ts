import { expect, type Page, type Response, test } from "@playwright/test";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { type SavedSession, savedSessionFile } from "./support/saved-sessions";

// Every kind of page, as the person who sees it: each must carry the policy, give every script of
// its HTML that response's nonce, break no rule of it, and still hydrate.
const maple = clinicOrigin("maple");

type PageVisit = { url: string; status?: number };
const pagesBy: { who: SavedSession | "anyone"; pages: PageVisit[] }[] = [
  {
    who: "anyone",
    pages: [
      { url: `${ROOT_ORIGIN}/` },
      { url: `${ROOT_ORIGIN}/login` },
      { url: `${ROOT_ORIGIN}/no-such-page`, status: 404 },
      { url: `${maple}/login` },
      { url: `${maple}/no-such-page`, status: 404 },
    ],
  },
  { who: "super-admin", pages: [{ url: `${ROOT_ORIGIN}/super` }, { url: `${ROOT_ORIGIN}/super/clinics` }] },
  { who: "clinic-admin", pages: [{ url: `${ROOT_ORIGIN}/admin` }, { url: `${maple}/settings` }] },
  {
    who: "maple-receptionist",
    pages: [
      { url: `${maple}/dashboard` },
      { url: `${maple}/today` },
      { url: `${maple}/calendar` },
      { url: `${maple}/patients` },
    ],
  },
];

/** Every Content-Security-Policy complaint the page raises, from its console and its DOM events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  // Init scripts come from the browser's debugging protocol, which the page's policy does not bind.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

function nonceOf(policy: string): string {
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`No nonce in script-src: ${policy}`);
  return nonce;
}

async function expectPolicyOnEveryScript(response: Response) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toMatch(/^(same-origin|strict-origin-when-cross-origin)$/);
  const nonce = nonceOf(policy);
  // Browsers hide a nonce from the DOM once parsed: read the HTML as it was sent.
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
}

/** React attaches its fibers to the elements it hydrated, starting with <body> (the root layout's). */
async function expectHydrated(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));
}

for (const { who, pages } of pagesBy) {
  test.describe(`Content-Security-Policy for ${who}`, () => {
    if (who !== "anyone") test.use({ storageState: savedSessionFile(who) });

    for (const { url, status = 200 } of pages) {
      test(`${url.replace(/^http:\/\//, "")}: nonces on every script, no violation, hydrated`, async ({
        page,
      }) => {
        const violations = await watchViolations(page);
        const response = await page.goto(url);
        if (!response) throw new Error(`No response for ${url}`);
        expect(response.status()).toBe(status);
        await expectPolicyOnEveryScript(response);
        await expectHydrated(page);
        expect(await violations()).toEqual([]);
      });
    }
  });
}

test.describe("hydrated pages under the policy", () => {
  test("the sign-in form checks its fields in the browser, on the root and on a clinic", async ({ page }) => {
    const violations = await watchViolations(page);
    for (const origin of [ROOT_ORIGIN, maple]) {
      await page.goto(`${origin}/login`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Enter the email address you sign in with.")).toBeVisible();
    }
    expect(await violations()).toEqual([]);
  });

  test("the landing page checks a clinic's address in the browser", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`${ROOT_ORIGIN}/`);
    await page.getByLabel("Your clinic's address").fill("-bad--name");
    await page.getByRole("button", { name: "Go to my clinic" }).click();
    await expect(page.getByLabel("Your clinic's address")).toHaveAttribute("aria-invalid", "true");
    expect(await violations()).toEqual([]);
  });

  test.describe("signed in at maple", () => {
    test.use({ storageState: savedSessionFile("maple-receptionist") });

    test("moving between pages and searching patients works without a violation", async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto(`${maple}/dashboard`);
      await page.getByRole("link", { name: "Patients" }).first().click();
      await page.waitForURL(`${maple}/patients`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await violations()).toEqual([]);
    });
  });
});
