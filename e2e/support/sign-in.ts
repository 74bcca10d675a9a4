import type { Page } from "@playwright/test";

export type Credentials = { email: string; password: string };

/** Signs in with the sign-in form of `origin` (the root host or a clinic's) and waits to leave it. */
export async function signIn(page: Page, origin: string, account: Credentials): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
