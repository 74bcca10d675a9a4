import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/**
 * Where specs save screenshots of the screens they walk through, for people to open and judge
 * (nothing compares them): E2E_SCREENS_DIR, by default test-results/screens.
 */
export const SCREENS_DIR = process.env.E2E_SCREENS_DIR ?? path.join("test-results", "screens");
mkdirSync(SCREENS_DIR, { recursive: true });

/**
 * Full-page screenshots at desktop (1280 px) and phone (390 px) width: `<name>-desktop.png`,
 * `<name>-390.png`; on the phone the page must not scroll sideways.
 */
export async function screenBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-390.png`), fullPage: true });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} at 390 px`,
  ).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}
