import { chromium } from "@playwright/test";

/**
 * What a person's browser shows for `url`: the status of the HTML answer and the page's heading once
 * its scripts have run (an error page in Next is a client component: the HTML alone says nothing).
 */
export async function seenInBrowser(url: string): Promise<{ status: number | null; heading: string } | null> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    const response = await page.goto(url, { timeout: 30_000 });
    const heading = page.locator("h1").first();
    await heading.waitFor({ timeout: 15_000 });
    return { status: response?.status() ?? null, heading: (await heading.textContent())?.trim() ?? "" };
  } catch {
    return null;
  } finally {
    await browser.close();
  }
}
